import type { Checkpoint } from '@tally/domain/checkpoints';
import { DomainError } from '@tally/domain/errors';
import { type Executor, inTransaction } from '../executor';
import { verifyLedger } from '../verify-ledger';
import { storeCheckpoint, toCheckpoint, validCheckpoints } from './checkpoints';
import { type LedgerKey, ledgerKey } from './ledger-key';
import { accountSeal, identityOf } from './seals';

/**
 * Signs the community's chain head as it is now. A checkpoint vouches for everything
 * before it, so the entries since the previous checkpoint are verified first (hashes,
 * links, seals and the identities of the accounts they touched) and a ledger that does
 * not verify gets none. Safe to run from several instances at once: the same head gives
 * the same signature, kept once.
 */
export async function makeCheckpoint(
  db: Executor,
  communityId: string,
  { key = ledgerKey() }: { key?: LedgerKey } = {},
): Promise<Checkpoint> {
  const [latest] = await validCheckpoints(db, key, communityId, { limit: 1 });
  const head = await db
    .selectFrom('ledger_chains')
    .select('head_sequence')
    .where('community_id', '=', communityId)
    .executeTakeFirst();
  if (!head) throw new DomainError('NOT_FOUND', 'That community could not be found.');
  if (latest && latest.sequence === head.head_sequence) return toCheckpoint(latest);
  if (!latest) await sealAccountsFromBeforeSealing(db, communityId, key);

  const verified = await verifyLedger(db, communityId, {
    fromAnchor: true,
    wholeLedger: false,
    key,
  });
  if (!verified.ok || verified.headHash === null) {
    throw new DomainError(
      'LEDGER_BROKEN',
      `The ledger does not verify at entry ${verified.firstBrokenSequence ?? '?'}, so no checkpoint was made. Verify the ledger to see what is wrong.`,
      { firstBrokenSequence: verified.firstBrokenSequence },
    );
  }
  const row = await storeCheckpoint(db, key, {
    communityId,
    sequence: verified.total,
    headHash: Buffer.from(verified.headHash, 'hex'),
  });
  return toCheckpoint(row);
}

/**
 * The community's first checkpoint vouches for the ledger as it stands, entries and
 * accounts alike: accounts opened before sealing began get their identity seal now
 * (trust on first use). After that, an account without one is a break.
 */
async function sealAccountsFromBeforeSealing(db: Executor, communityId: string, key: LedgerKey) {
  const unsealed = await db
    .selectFrom('ledger_accounts')
    .select(['id', 'unit', 'owner_type', 'owner_id', 'min_balance'])
    .where('community_id', '=', communityId)
    .where('identity_seal', 'is', null)
    .execute();
  if (unsealed.length === 0) return;
  await inTransaction(db, async (trx) => {
    for (const account of unsealed) {
      const seal = accountSeal(key, identityOf(communityId, account));
      await trx
        .updateTable('ledger_accounts')
        .set({ identity_seal: seal })
        .where('community_id', '=', communityId)
        .where('id', '=', account.id)
        .where('identity_seal', 'is', null)
        .execute();
    }
  });
}
