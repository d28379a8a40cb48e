import type { VerifyFinding } from '@tally/domain/ledger';
import { sql } from 'kysely';
import type { LedgerKey } from '../anchoring/ledger-key';
import {
  accountSeal,
  identityOf,
  type StoredAccount,
  sealMatches,
  transactionSeal,
} from '../anchoring/seals';
import type { Executor } from '../executor';
import type { TransactionRow } from '../read-transactions';
import { describeFinding } from './findings';

export type SealBreak = { sequence: number; finding: VerifyFinding };

type SealedRow = Omit<TransactionRow, 'community_id' | 'created_at' | 'hash'> & {
  idempotency_key: string;
  seal: Uint8Array;
  postings: [string, number][] | null;
};

/** The entries (from, to] of one community, checked with the service's key. */
type SealWindow = { communityId: string; from: number; to: number; key: LedgerKey };

/**
 * Checks the seals of the entries (from, to] and of the accounts they posted to: the
 * first entry whose seal does not fit what it records (changed, or forged with the
 * database's own hash function), or that posted to an account whose identity seal does
 * not fit. Costs ~10 µs an entry, so it runs only where no checkpoint vouches yet.
 * `accountsSealed`: once any checkpoint exists every account carries an identity seal,
 * so a missing one is a break; before that, accounts from before sealing have none.
 */
export async function checkSeals(
  db: Executor,
  window: SealWindow & { accountsSealed: boolean },
): Promise<SealBreak | null> {
  if (window.to <= window.from) return null;
  const [entry, account] = await Promise.all([
    firstBrokenEntrySeal(db, window),
    firstChangedAccount(db, window),
  ]);
  if (entry === null) return account;
  if (account === null || entry.sequence < account.sequence) return entry;
  return account;
}

async function firstBrokenEntrySeal(
  db: Executor,
  { communityId, from, to, key }: SealWindow,
): Promise<SealBreak | null> {
  const { rows } = await sql<SealedRow>`
    select t.sequence, t.id, t.idempotency_key, t.kind, t.actor_type, t.actor_id,
           t.actor_origin, t.memo, t.reference_type, t.reference_id, t.reverses, t.seal,
           p.postings
      from ledger_transactions t
      left join lateral (
        select jsonb_agg(jsonb_build_array(p.account_id, p.amount) order by p.position) as postings
          from ledger_postings p
         where p.community_id = t.community_id and p.transaction_id = t.id
      ) p on true
     where t.community_id = ${communityId} and t.sequence > ${from} and t.sequence <= ${to}
       and t.seal is not null
     order by t.sequence`.execute(db);
  for (const row of rows) {
    const expected = transactionSeal(key, {
      communityId,
      id: row.id,
      idempotencyKey: row.idempotency_key,
      kind: row.kind,
      actorType: row.actor_type,
      actorId: row.actor_id,
      actorOrigin: row.actor_origin,
      memo: row.memo,
      referenceType: row.reference_type,
      referenceId: row.reference_id,
      reverses: row.reverses,
      postings: (row.postings ?? []).map(([accountId, amount]) => ({ accountId, amount })),
    });
    if (sealMatches(expected, row.seal)) continue;
    return {
      sequence: row.sequence,
      finding: describeFinding({
        kind: 'entry_changed',
        sequence: row.sequence,
        accountId: null,
        checkpoint: null,
      }),
    };
  }
  return null;
}

type AccountRow = StoredAccount & { identity_seal: Uint8Array | null; first_sequence: number };

/** The first entry in (from, to] that posted to an account whose identity no longer fits its seal. */
async function firstChangedAccount(
  db: Executor,
  { communityId, from, to, key, accountsSealed }: SealWindow & { accountsSealed: boolean },
): Promise<SealBreak | null> {
  const { rows } = await sql<AccountRow>`
    select a.id, a.unit, a.owner_type, a.owner_id, a.min_balance, a.identity_seal,
           min(t.sequence) as first_sequence
      from ledger_transactions t
      join ledger_postings p on p.community_id = t.community_id and p.transaction_id = t.id
      join ledger_accounts a on a.community_id = p.community_id and a.id = p.account_id
     where t.community_id = ${communityId} and t.sequence > ${from} and t.sequence <= ${to}
     group by a.id, a.unit, a.owner_type, a.owner_id, a.min_balance, a.identity_seal
     order by first_sequence`.execute(db);
  const changed = rows.find((row) => !accountFits(key, communityId, row, accountsSealed));
  if (!changed) return null;
  return {
    sequence: changed.first_sequence,
    finding: describeFinding({
      kind: 'account_changed',
      sequence: changed.first_sequence,
      accountId: changed.id,
      checkpoint: null,
    }),
  };
}

function accountFits(
  key: LedgerKey,
  communityId: string,
  row: StoredAccount & { identity_seal: Uint8Array | null },
  accountsSealed: boolean,
): boolean {
  if (row.identity_seal === null) return !accountsSealed;
  return sealMatches(accountSeal(key, identityOf(communityId, row)), row.identity_seal);
}

/**
 * Why an entry fails its hash: an account it posted to was given to someone else (its
 * identity no longer fits its seal), or the entry itself was changed.
 */
export async function explainBrokenEntry(
  db: Executor,
  { communityId, sequence, key }: { communityId: string; sequence: number; key: LedgerKey },
): Promise<VerifyFinding> {
  const rows = await db
    .selectFrom('ledger_transactions as t')
    .innerJoin('ledger_postings as p', (join) =>
      join.onRef('p.community_id', '=', 't.community_id').onRef('p.transaction_id', '=', 't.id'),
    )
    .innerJoin('ledger_accounts as a', (join) =>
      join.onRef('a.community_id', '=', 'p.community_id').onRef('a.id', '=', 'p.account_id'),
    )
    .select(['a.id', 'a.unit', 'a.owner_type', 'a.owner_id', 'a.min_balance', 'a.identity_seal'])
    .where('t.community_id', '=', communityId)
    .where('t.sequence', '=', sequence)
    .orderBy('p.position')
    .execute();
  // Only a seal that is there and does not fit says "changed"; accounts from before
  // sealing have none, and the entry may be broken for another reason.
  const changed = rows.find(
    (row) => row.identity_seal !== null && !accountFits(key, communityId, row, false),
  );
  return describeFinding({
    kind: changed ? 'account_changed' : 'entry_changed',
    sequence,
    accountId: changed?.id ?? null,
    checkpoint: null,
  });
}
