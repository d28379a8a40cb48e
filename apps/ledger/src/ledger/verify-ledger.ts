import type { OfficeCheckpoint } from '@tally/domain/checkpoints';
import type { VerifyFinding, VerifyResult } from '@tally/domain/ledger';
import { sql } from 'kysely';
import { type LedgerKey, ledgerKey } from './anchoring/ledger-key';
import type { Executor } from './executor';
import { chainHashAt, checkAnchors } from './verify/anchors';
import { batchRanges, inOrder } from './verify/batches';
import { verifyChainBatch } from './verify/chain-batch';
import { describeFinding } from './verify/findings';
import { findMisownedAccounts } from './verify/owners';
import { checkSeals, explainBrokenEntry } from './verify/seals';
import { firstUnsealedAfterSealed } from './verify/unsealed';

export type VerifyProgress = { checked: number; total: number };

/** A break and what it is, in words. */
type Break = { sequence: number; finding: VerifyFinding };

export type VerifyOptions = {
  batchSize?: number;
  onProgress?: (progress: VerifyProgress) => void;
  /** Resume after this entry (whose own link an earlier step already checked). */
  afterSequence?: number;
  /** Check at most this many entries now; the answer says whether the whole chain is done. */
  limit?: number;
  /** How many batches to check at once (each on its own connection where there is a pool). */
  parallel?: number;
  /** A checkpoint the office kept (the poster's code, or the downloaded file). */
  checkpoint?: OfficeCheckpoint | undefined;
  /** Start after the newest checkpoint the chain agrees with (what a new checkpoint must check). */
  fromAnchor?: boolean;
  /** Also check every balance and every owner's accounts at the end (default yes). */
  wholeLedger?: boolean;
  /** The ledger key; the process's own unless a test brings another. */
  key?: LedgerKey;
};

/**
 * Re-derives every link of a community's hash chain and every balance from its
 * postings, and holds the chain to what lies outside the database: the newest signed
 * checkpoint (the database's, and the office's when given) and the service's seals.
 * - An altered entry fails its own hash; a deleted one leaves a gap in the sequence;
 *   one inserted out of band breaks the next link or lies past the chain head.
 * - Entries removed from the end show against a checkpoint that vouches for more.
 * - History rewritten and re-hashed with the database's own function shows as an entry
 *   whose hash is no longer the one a checkpoint signed, and, after the newest
 *   checkpoint, as an entry without a fitting seal.
 * - An account given to someone else fails the hash of every entry that posted to it
 *   (their identities are hashed) and its own identity seal.
 * Batched by sequence so a ledger of millions is checked in bounded memory, with
 * progress; seals cost ~10 µs an entry, so only entries after the newest checkpoint
 * the chain agrees with are checked against them (that checkpoint vouches for the rest).
 */
export async function verifyLedger(
  db: Executor,
  communityId: string,
  {
    batchSize = 50_000,
    onProgress,
    afterSequence = 0,
    limit = Number.POSITIVE_INFINITY,
    parallel = 2,
    checkpoint,
    fromAnchor = false,
    wholeLedger = true,
    key = ledgerKey(),
  }: VerifyOptions = {},
): Promise<VerifyResult> {
  const chain = await db
    .selectFrom('ledger_chains')
    .select([
      'head_sequence',
      'head_hash',
      sql<Uint8Array>`tally_genesis_hash(community_id)`.as('genesis'),
    ])
    .where('community_id', '=', communityId)
    .executeTakeFirst();
  if (!chain) return { ...VERIFIED_EMPTY };
  const total = chain.head_sequence;
  const anchors = await checkAnchors(db, { communityId, head: total, key, office: checkpoint });
  const start = fromAnchor ? (anchors.anchor?.sequence ?? 0) : afterSequence;
  const end = Math.min(total, start + limit);
  const sealsFrom = anchors.anchor?.sequence ?? 0;
  const accountsSealed = anchors.sealedAfter !== null;

  // What is known before reading the batches: what the checkpoints show (truncation
  // only at the end of the chain), and, before any checkpoint, an unsealed entry out of place.
  const known: Break[] = anchors.breaks.filter(
    (b) => b.sequence > start && (b.sequence <= end || end === total),
  );
  const unsealed =
    anchors.sealedAfter === null
      ? await firstUnsealedAfterSealed(db, { communityId, from: start, to: end })
      : null;
  if (unsealed !== null) known.push(entryBreak('entry_not_sealed', unsealed));
  let firstKnown = earliest(known);

  // Balances and owners do not depend on the chain: when this call reaches the end they
  // are checked on a connection of their own while the batches run.
  const wholeLedgerChecks = wholeLedger && end >= total ? checkWholeLedger(db, communityId) : null;

  let checked = 0;
  let expectedPrev = start === 0 ? chain.genesis : await chainHashAt(db, communityId, start);
  let broken: Break | null = expectedPrev ? null : entryBreak('entry_missing', start);
  // Batches run side by side on separate connections (PGlite queues them on its one);
  // each checks its own links, and the link across each batch edge is checked here, in order.
  const ranges = batchRanges({ from: start, to: end, batchSize, parallel });
  const batches = inOrder(
    ranges.map(
      ({ from, to }) =>
        () =>
          Promise.all([
            verifyChainBatch(db, { communityId, from, to, sealedAfter: anchors.sealedAfter }),
            checkSeals(db, {
              communityId,
              from: Math.max(from, sealsFrom),
              to,
              key,
              accountsSealed,
            }),
          ]),
    ),
    broken === null ? parallel : 0,
  );
  for await (const [index, [batch, sealBreak]] of batches) {
    const { from, to } = ranges[index] ?? { from: 0, to: 0 };
    checked += batch.checked;
    const edgeBroken =
      batch.first_prev_hash !== null &&
      expectedPrev !== undefined &&
      !Buffer.from(batch.first_prev_hash).equals(Buffer.from(expectedPrev));
    const gap =
      batch.first_gap ?? (batch.last_sequence !== to ? (batch.last_sequence ?? from) + 1 : null);
    const mismatch = edgeBroken ? from + 1 : batch.first_mismatch;
    // A hash that does not hold is explained only if it is the first break.
    const first = earliest<{ sequence: number; finding: VerifyFinding | null }>([
      gap === null ? null : entryBreak('entry_missing', gap),
      batch.first_unsealed === null ? null : entryBreak('entry_not_sealed', batch.first_unsealed),
      mismatch === null ? null : { sequence: mismatch, finding: null },
      sealBreak,
      firstKnown && firstKnown.sequence <= to ? firstKnown : null,
    ]);
    if (first) {
      const finding =
        first.finding ??
        (await explainBrokenEntry(db, { communityId, sequence: first.sequence, key }));
      broken = { sequence: first.sequence, finding };
    }
    if (batch.last_hash) expectedPrev = batch.last_hash;
    onProgress?.({ checked: to, total });
    if (broken !== null) break;
  }
  if (broken === null && firstKnown && firstKnown.sequence <= end) broken = firstKnown;
  const done = broken !== null || end >= total;
  if (done && broken === null) {
    const beyond = await checkBeyondHead(db, {
      communityId,
      headSequence: total,
      headHash: chain.head_hash,
      lastHash: expectedPrev ?? chain.genesis,
    });
    firstKnown = earliest([
      firstKnown,
      beyond === null ? null : entryBreak('entry_unexpected', beyond),
    ]);
    broken = firstKnown;
  }

  const { misowned, mismatchedAccounts } =
    done && wholeLedger
      ? await (wholeLedgerChecks ?? checkWholeLedger(db, communityId))
      : { misowned: [], mismatchedAccounts: [] };
  const findings: VerifyFinding[] = broken ? [broken.finding] : [];
  if (done) {
    for (const b of anchors.breaks) if (b.finding !== broken?.finding) findings.push(b.finding);
    findings.push(...anchors.rejected, ...misowned);
  }
  return {
    ok: broken === null && mismatchedAccounts.length === 0 && findings.length === 0,
    transactions: checked,
    firstBrokenSequence: broken?.sequence ?? null,
    mismatchedAccounts,
    headHash: Buffer.from(chain.head_hash).toString('hex'),
    checkedThrough: broken === null ? end : Math.min(end, broken.sequence - 1),
    total,
    done,
    findings,
    anchor: anchors.anchor?.ref ?? null,
    kept: anchors.kept,
  };
}

const VERIFIED_EMPTY: VerifyResult = {
  ok: true,
  transactions: 0,
  firstBrokenSequence: null,
  mismatchedAccounts: [],
  headHash: null,
  checkedThrough: 0,
  total: 0,
  done: true,
  findings: [],
  anchor: null,
  kept: null,
};

function entryBreak(kind: VerifyFinding['kind'], sequence: number): Break {
  return {
    sequence,
    finding: describeFinding({ kind, sequence, accountId: null, checkpoint: null }),
  };
}

function earliest<T extends { sequence: number }>(items: (T | null | undefined)[]): T | null {
  let first: T | null = null;
  for (const item of items) if (item && (!first || item.sequence < first.sequence)) first = item;
  return first;
}

/**
 * The chain head is a second anchor: the newest entry must be the one it names,
 * and nothing may lie beyond it. "Beyond" is judged against the head as it stands in
 * the same snapshot, so entries posted while verify ran (the head moved with them) are
 * not taken for entries inserted out of band.
 */
async function checkBeyondHead(
  db: Executor,
  {
    communityId,
    headSequence,
    headHash,
    lastHash,
  }: { communityId: string; headSequence: number; headHash: Uint8Array; lastHash: Uint8Array },
): Promise<number | null> {
  if (headSequence > 0 && !Buffer.from(headHash).equals(Buffer.from(lastHash))) return headSequence;
  const { rows } = await sql<{ sequence: number | null }>`
    select min(t.sequence) as sequence
      from ledger_transactions t
      join ledger_chains c on c.community_id = t.community_id
     where t.community_id = ${communityId}
       and t.sequence > greatest(c.head_sequence, ${headSequence})`.execute(db);
  return rows[0]?.sequence ?? null;
}

async function checkWholeLedger(db: Executor, communityId: string) {
  const [misowned, mismatchedAccounts] = await Promise.all([
    findMisownedAccounts(db, communityId),
    findMismatchedBalances(db, communityId),
  ]);
  return { misowned, mismatchedAccounts };
}

async function findMismatchedBalances(db: Executor, communityId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select a.id
      from ledger_accounts a
      left join (
        select account_id, sum(amount) as total
          from ledger_postings
         where community_id = ${communityId}
         group by account_id
      ) p on p.account_id = a.id
     where a.community_id = ${communityId} and a.balance <> coalesce(p.total, 0)
     order by a.id`.execute(db);
  return rows.map((r) => r.id);
}
