import { isCheckpointFile, type OfficeCheckpoint } from '@tally/domain/checkpoints';
import { DomainError } from '@tally/domain/errors';
import type { CheckpointRef, VerifyFinding } from '@tally/domain/ledger';
import { sql } from 'kysely';
import {
  checkpointSignatureValid,
  codeOfSignature,
  signCheckpoint,
} from '../anchoring/checkpoint-signature';
import { type CheckpointRow, judgeCheckpoint, newestCheckpoints } from '../anchoring/checkpoints';
import type { LedgerKey } from '../anchoring/ledger-key';
import type { Executor } from '../executor';
import { describeFinding } from './findings';

/** A checkpoint the chain still agrees with: it vouches for every entry up to `sequence`. */
export type Anchor = { sequence: number; ref: CheckpointRef };

/** A break a checkpoint shows, at the first entry it concerns. */
export type CheckpointBreak = { sequence: number; finding: VerifyFinding };

export type AnchorCheck = {
  anchor: Anchor | null;
  /** The office's checkpoint, when the chain still agrees with it. */
  kept: CheckpointRef | null;
  /** Entries after this sequence must carry a seal: a signed checkpoint came before them. */
  sealedAfter: number | null;
  /** Truncation or a rewritten entry, shown by a checkpoint whose signature verifies. */
  breaks: CheckpointBreak[];
  /** Checkpoints in the database whose signatures do not verify (ignored as anchors). */
  rejected: VerifyFinding[];
};

/** How far back to look for a checkpoint the chain still agrees with. */
const WALK_AT_MOST = 200;
const PAGE = 20;

/**
 * Finds the newest signed checkpoint the chain still agrees with, among the database's
 * (newest first, skipping forged ones) and the one the office brought, and what every
 * newer valid checkpoint says is wrong: entries missing past the chain's end, or an
 * entry whose hash is no longer the one signed. Usually one row and one signature check.
 */
export async function checkAnchors(
  db: Executor,
  {
    communityId,
    head,
    key,
    office,
  }: { communityId: string; head: number; key: LedgerKey; office?: OfficeCheckpoint | undefined },
): Promise<AnchorCheck> {
  const check: AnchorCheck = {
    anchor: null,
    kept: null,
    sealedAfter: null,
    breaks: [],
    rejected: [],
  };
  const consider = async (signed: CheckpointRef, agreesWith: (current: Uint8Array) => boolean) => {
    check.sealedAfter = Math.min(check.sealedAfter ?? signed.sequence, signed.sequence);
    // Past the head verify read: entries cut from the end — or a checkpoint signed since, of
    // entries posted since. The head as it stands now tells the two apart.
    if (signed.sequence > head && signed.sequence > (await headNow(db, communityId))) {
      // The newest checkpoint past the end says it best; older ones repeat it.
      if (!check.breaks.some((b) => b.finding.kind === 'ledger_truncated')) {
        check.breaks.push(breakAt(head + 1, 'ledger_truncated', signed, head));
      }
      return false;
    }
    const current = await chainHashAt(db, communityId, signed.sequence);
    if (current !== undefined && agreesWith(current)) return true;
    // The oldest checkpoint that no longer agrees is the closest to the rewrite.
    check.breaks = check.breaks.filter((b) => b.finding.kind !== 'checkpoint_mismatch');
    if (signed.sequence > 0) {
      check.breaks.push(breakAt(signed.sequence, 'checkpoint_mismatch', signed, head));
    }
    return false;
  };

  if (office) {
    const { ref, agreesWith } = await officeCheckpoint({ communityId, key, office });
    if (await consider(ref, agreesWith)) {
      check.anchor = { sequence: ref.sequence, ref };
      check.kept = ref;
    }
  }

  let before: number | undefined;
  for (let walked = 0; walked < WALK_AT_MOST; walked += PAGE) {
    const rows = await newestCheckpoints(db, communityId, { limit: PAGE, beforeSequence: before });
    for (const row of rows) {
      // The office's checkpoint already anchors everything up to it.
      if (check.anchor && row.sequence <= check.anchor.sequence) return check;
      const verdict = judgeCheckpoint(key, row);
      const ref = databaseRef(row);
      if (verdict !== 'valid') {
        const kind = verdict === 'forged' ? 'checkpoint_forged' : 'checkpoint_other_key';
        check.rejected.push(
          describeFinding({ kind, sequence: null, accountId: null, checkpoint: ref }),
        );
        continue;
      }
      const signed = Buffer.from(row.head_hash);
      if (await consider(ref, (current) => signed.equals(Buffer.from(current)))) {
        check.anchor = { sequence: row.sequence, ref };
        return check;
      }
    }
    if (rows.length < PAGE) return check;
    before = rows.at(-1)?.sequence;
  }
  return check;
}

function breakAt(
  sequence: number,
  kind: 'ledger_truncated' | 'checkpoint_mismatch',
  checkpoint: CheckpointRef,
  head: number,
): CheckpointBreak {
  return {
    sequence,
    finding: describeFinding({ kind, sequence, accountId: null, checkpoint }, { head }),
  };
}

function databaseRef(row: CheckpointRow): CheckpointRef {
  return {
    sequence: row.sequence,
    signedAt: row.signed_at.toISOString(),
    code: codeOfSignature(row.sequence, row.signature),
    source: 'database',
  };
}

/**
 * The office's checkpoint, and how to tell whether the chain still agrees with it. A
 * downloaded file carries its signature, checked here; a file signed by another key or
 * for another community is refused outright, as it cannot vouch for anything. A code
 * from paper carries only a piece of a signature: the chain's entry at its sequence is
 * signed again (signatures are deterministic) and the codes compared.
 */
async function officeCheckpoint({
  communityId,
  key,
  office,
}: {
  communityId: string;
  key: LedgerKey;
  office: OfficeCheckpoint;
}): Promise<{ ref: CheckpointRef; agreesWith: (current: Uint8Array) => boolean }> {
  const { sequence } = office;
  if (!isCheckpointFile(office)) {
    return {
      ref: { sequence, signedAt: null, code: office.code, source: 'office' },
      agreesWith: (current) =>
        codeOfSignature(
          sequence,
          signCheckpoint(key, { communityId, sequence, headHash: current }),
        ) === office.code,
    };
  }
  if (office.communityId !== communityId) {
    throw new DomainError(
      'CHECKPOINT_INVALID',
      'This checkpoint file belongs to another community.',
    );
  }
  const headHash = Buffer.from(office.headHash, 'hex');
  const signature = Buffer.from(office.signature, 'base64');
  if (
    office.keyFingerprint !== key.fingerprint ||
    !checkpointSignatureValid(key, { communityId, sequence, headHash, signature })
  ) {
    throw new DomainError('CHECKPOINT_INVALID');
  }
  return {
    ref: {
      sequence,
      signedAt: office.signedAt,
      code: codeOfSignature(sequence, signature),
      source: 'office',
    },
    agreesWith: (current) => headHash.equals(Buffer.from(current)),
  };
}

/** The chain's hash after `sequence` entries: the genesis link for 0. */
export async function chainHashAt(
  db: Executor,
  communityId: string,
  sequence: number,
): Promise<Uint8Array | undefined> {
  if (sequence === 0) {
    const { rows } = await sql<{ hash: Uint8Array }>`
      select tally_genesis_hash(${communityId}::uuid) as hash`.execute(db);
    return rows[0]?.hash;
  }
  const row = await db
    .selectFrom('ledger_transactions')
    .select('hash')
    .where('community_id', '=', communityId)
    .where('sequence', '=', sequence)
    .executeTakeFirst();
  return row?.hash;
}

/** The community's chain head as it stands now (not as verify first read it). */
async function headNow(db: Executor, communityId: string): Promise<number> {
  const chain = await db
    .selectFrom('ledger_chains')
    .select('head_sequence')
    .where('community_id', '=', communityId)
    .executeTakeFirst();
  return chain?.head_sequence ?? 0;
}
