import {
  CHECKPOINT_FORMAT,
  type Checkpoint,
  type CheckpointDocument,
} from '@tally/domain/checkpoints';
import { DomainError } from '@tally/domain/errors';
import type { RawBuilder } from 'kysely';
import type { Executor } from '../executor';
import { checkpointMessage } from './checkpoint-signature';
import { judgeCheckpoint, toCheckpoint, validCheckpoints } from './checkpoints';
import { type LedgerKey, ledgerKey, publicKeyPem } from './ledger-key';

/** The community's newest checkpoints whose signatures verify, newest first. */
export async function listCheckpoints(
  db: Executor,
  {
    communityId,
    limit,
    key = ledgerKey(),
  }: { communityId: string; limit: number; key?: LedgerKey },
): Promise<{ items: Checkpoint[] }> {
  const rows = await validCheckpoints(db, key, communityId, { limit });
  return { items: rows.map(toCheckpoint) };
}

/**
 * A checkpoint as a file the office keeps: signed, with the public key and the exact
 * signed text, so it can be checked with Tally (`ledger.verify`) or without it.
 */
export async function checkpointDocument(
  db: Executor,
  {
    communityId,
    sequence,
    key = ledgerKey(),
  }: { communityId: string; sequence?: number | undefined; key?: LedgerKey },
): Promise<CheckpointDocument> {
  const [row] =
    sequence === undefined
      ? await validCheckpoints(db, key, communityId, { limit: 1 })
      : await validCheckpoints(db, key, communityId, { limit: 1, beforeSequence: sequence + 1 });
  if (!row || (sequence !== undefined && row.sequence !== sequence)) {
    throw new DomainError('NOT_FOUND', 'There is no signed checkpoint there yet.');
  }
  const community = await db
    .selectFrom('communities')
    .select(['name_zh', 'name_en'])
    .where('id', '=', communityId)
    .executeTakeFirstOrThrow();
  const checkpoint = toCheckpoint(row);
  return {
    format: CHECKPOINT_FORMAT,
    communityId,
    // The file is one document for auditors: the community's Chinese name, or its English one.
    communityName: community.name_zh || community.name_en,
    sequence: row.sequence,
    headHash: checkpoint.headHash,
    signedAt: checkpoint.signedAt,
    code: checkpoint.code,
    algorithm: 'ed25519',
    keyFingerprint: row.key_fingerprint,
    publicKey: publicKeyPem(key),
    signedMessage: checkpointMessage({
      communityId,
      sequence: row.sequence,
      headHash: row.head_hash,
    }),
    signature: Buffer.from(row.signature).toString('base64'),
  };
}

/**
 * The checkpoint a month's poster prints: the first one signed once the month was over
 * (it vouches for the month's entries, and perhaps a few after), or, for a month not
 * over or not yet checkpointed, the newest. The empty chain's checkpoint (#0) vouches
 * for nothing worth printing.
 */
export async function posterCheckpoint(
  db: Executor,
  {
    communityId,
    monthEnd,
    key = ledgerKey(),
  }: { communityId: string; monthEnd: Date | RawBuilder<Date>; key?: LedgerKey },
): Promise<Checkpoint | null> {
  const after = await db
    .selectFrom('ledger_checkpoints')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('sequence', '>', 0)
    .where('signed_at', '>=', monthEnd)
    .orderBy('sequence')
    .limit(10)
    .execute();
  const first = after.find((row) => judgeCheckpoint(key, row) === 'valid');
  if (first) return toCheckpoint(first);
  const [newest] = await validCheckpoints(db, key, communityId, { limit: 1 });
  return newest && newest.sequence > 0 ? toCheckpoint(newest) : null;
}
