import type { Checkpoint } from '@tally/domain/checkpoints';
import type { Executor } from '../executor';
import { checkpointSignatureValid, codeOfSignature, signCheckpoint } from './checkpoint-signature';
import type { LedgerKey } from './ledger-key';

// The checkpoints kept in the database. They are a convenience copy: the office's
// copies (the poster's code, the downloaded file) are what an intruder cannot reach.

export type CheckpointRow = {
  community_id: string;
  sequence: number;
  head_hash: Uint8Array;
  signed_at: Date;
  key_fingerprint: string;
  signature: Uint8Array;
};

/** Signs a head and keeps it; a head already signed (by this or another instance) is kept once. */
export async function storeCheckpoint(
  db: Executor,
  key: LedgerKey,
  head: { communityId: string; sequence: number; headHash: Uint8Array },
): Promise<CheckpointRow> {
  await db
    .insertInto('ledger_checkpoints')
    .values({
      community_id: head.communityId,
      sequence: head.sequence,
      head_hash: head.headHash,
      key_fingerprint: key.fingerprint,
      signature: signCheckpoint(key, head),
    })
    .onConflict((oc) => oc.columns(['community_id', 'sequence']).doNothing())
    .execute();
  return db
    .selectFrom('ledger_checkpoints')
    .selectAll()
    .where('community_id', '=', head.communityId)
    .where('sequence', '=', head.sequence)
    .executeTakeFirstOrThrow();
}

/** Newest first, a page at a time, below `beforeSequence` when given. */
export function newestCheckpoints(
  db: Executor,
  communityId: string,
  { limit, beforeSequence }: { limit: number; beforeSequence?: number },
): Promise<CheckpointRow[]> {
  let query = db
    .selectFrom('ledger_checkpoints')
    .selectAll()
    .where('community_id', '=', communityId)
    .orderBy('sequence', 'desc')
    .limit(limit);
  if (beforeSequence !== undefined) query = query.where('sequence', '<', beforeSequence);
  return query.execute();
}

export type CheckpointVerdict = 'valid' | 'forged' | 'other_key';

export function judgeCheckpoint(key: LedgerKey, row: CheckpointRow): CheckpointVerdict {
  if (row.key_fingerprint !== key.fingerprint) return 'other_key';
  const head = { communityId: row.community_id, sequence: row.sequence, headHash: row.head_hash };
  return checkpointSignatureValid(key, { ...head, signature: row.signature }) ? 'valid' : 'forged';
}

/** The newest checkpoints whose signatures verify, newest first (forged ones are left out). */
export async function validCheckpoints(
  db: Executor,
  key: LedgerKey,
  communityId: string,
  { limit, beforeSequence }: { limit: number; beforeSequence?: number },
): Promise<CheckpointRow[]> {
  // Forged rows are rare (only an intruder writes them), so one page more is plenty.
  const rows = await newestCheckpoints(db, communityId, { limit: limit * 2 + 10, beforeSequence });
  return rows.filter((row) => judgeCheckpoint(key, row) === 'valid').slice(0, limit);
}

export function toCheckpoint(row: CheckpointRow): Checkpoint {
  return {
    sequence: row.sequence,
    headHash: Buffer.from(row.head_hash).toString('hex'),
    signedAt: row.signed_at.toISOString(),
    keyFingerprint: row.key_fingerprint,
    code: codeOfSignature(row.sequence, row.signature),
  };
}
