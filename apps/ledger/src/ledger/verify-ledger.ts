import type { VerifyResult } from '@tally/domain/ledger';
import { sql } from 'kysely';
import type { Executor } from './executor';

export type VerifyProgress = { checked: number; total: number };

type BatchRow = {
  checked: number;
  first_broken: number | null;
  last_sequence: number | null;
  last_hash: Uint8Array | null;
  first_prev_hash: Uint8Array | null;
};

/**
 * Re-derives every link of a community's hash chain and every balance from its
 * postings. Any direct edit shows up: an altered entry fails its own hash, a
 * deleted one leaves a gap in the sequence, one inserted out of band breaks the
 * next link or lies past the chain head. Batched by sequence so a ledger of
 * millions is checked in bounded memory, with progress.
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
  }: {
    batchSize?: number;
    onProgress?: (progress: VerifyProgress) => void;
    /** Resume after this entry (whose own link an earlier step already checked). */
    afterSequence?: number;
    /** Check at most this many entries now; the answer says whether the whole chain is done. */
    limit?: number;
    /** How many batches to check at once (each on its own connection where there is a pool). */
    parallel?: number;
  } = {},
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
  const total = chain?.head_sequence ?? 0;
  if (!chain) return { ...VERIFIED_EMPTY };

  const end = Math.min(total, afterSequence + limit);
  let checked = 0;
  let expectedPrev =
    afterSequence === 0 ? chain.genesis : await hashAt(db, communityId, afterSequence);
  let firstBroken: number | null = expectedPrev ? null : afterSequence;
  // Batches run a few at a time on separate connections; each checks its own
  // links, and the link across each batch edge is checked here, in order.
  const ranges: { from: number; to: number }[] = [];
  for (let from = afterSequence; from < end; from += batchSize) {
    ranges.push({ from, to: Math.min(from + batchSize, end) });
  }
  for (let wave = 0; wave < ranges.length && firstBroken === null; wave += parallel) {
    const group = ranges.slice(wave, wave + parallel);
    const batches = await Promise.all(
      group.map((range) => verifyBatch(db, { communityId, ...range })),
    );
    for (const [index, batch] of batches.entries()) {
      const { from, to } = group[index] ?? { from: 0, to: 0 };
      checked += batch.checked;
      const edgeBroken =
        batch.first_prev_hash !== null &&
        expectedPrev !== undefined &&
        !Buffer.from(batch.first_prev_hash).equals(Buffer.from(expectedPrev));
      firstBroken = edgeBroken
        ? from + 1
        : (batch.first_broken ??
          (batch.last_sequence !== to ? (batch.last_sequence ?? from) + 1 : null));
      if (batch.last_hash) expectedPrev = batch.last_hash;
      onProgress?.({ checked: to, total });
      if (firstBroken !== null) break;
    }
  }
  const done = firstBroken !== null || end >= total;
  if (done && firstBroken === null) {
    firstBroken = await checkBeyondHead(
      db,
      communityId,
      total,
      chain.head_hash,
      expectedPrev ?? chain.genesis,
    );
  }
  const mismatchedAccounts = done ? await findMismatchedBalances(db, communityId) : [];
  return {
    ok: firstBroken === null && mismatchedAccounts.length === 0,
    transactions: checked,
    firstBrokenSequence: firstBroken,
    mismatchedAccounts,
    headHash: Buffer.from(chain.head_hash).toString('hex'),
    checkedThrough: firstBroken === null ? end : firstBroken - 1,
    total,
    done,
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
};

async function hashAt(db: Executor, communityId: string, sequence: number) {
  const row = await db
    .selectFrom('ledger_transactions')
    .select('hash')
    .where('community_id', '=', communityId)
    .where('sequence', '=', sequence)
    .executeTakeFirst();
  return row?.hash;
}

/** Checks transactions (from, to]: each hash re-derived, each link and sequence step intact. */
async function verifyBatch(
  db: Executor,
  { communityId, from, to }: { communityId: string; from: number; to: number },
): Promise<BatchRow> {
  // Postings are aggregated with one grouped join over the batch rather than a
  // subquery per transaction; the first entry's link is left to the caller.
  const { rows } = await sql<BatchRow>`
    with t as (
      select t.* from ledger_transactions t
       where t.community_id = ${communityId} and t.sequence > ${from} and t.sequence <= ${to}
    ), p as (
      select p.transaction_id,
             jsonb_agg(jsonb_build_array(p.account_id, p.unit, p.amount) order by p.position) as postings
        from ledger_postings p
        join t on t.id = p.transaction_id
       where p.community_id = ${communityId}
       group by p.transaction_id
    ), v as (
      select t.sequence, t.hash, t.prev_hash,
        tally_transaction_hash(t.prev_hash, t.community_id, t.sequence, t.id, t.kind,
          t.actor_type, t.actor_id, t.actor_origin, t.memo, t.reference_type, t.reference_id,
          t.reverses, t.created_at, p.postings) as expected,
        coalesce(lag(t.hash) over w, t.prev_hash) as linked_prev,
        coalesce(lag(t.sequence) over w, ${from}::bigint) as prev_sequence
      from t left join p on p.transaction_id = t.id
      window w as (order by t.sequence)
    )
    select count(*)::int as checked,
      min(case
            when sequence <> prev_sequence + 1 then prev_sequence + 1
            when hash <> expected or prev_hash <> linked_prev then sequence
          end) as first_broken,
      max(sequence) as last_sequence,
      (array_agg(hash order by sequence desc))[1] as last_hash,
      (array_agg(prev_hash order by sequence))[1] as first_prev_hash
    from v`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('verify batch returned no row');
  return row;
}

/**
 * The chain head is a second anchor: the newest entry must be the one it names,
 * and nothing may lie beyond it.
 */
async function checkBeyondHead(
  db: Executor,
  communityId: string,
  headSequence: number,
  headHash: Uint8Array,
  lastHash: Uint8Array,
): Promise<number | null> {
  if (headSequence > 0 && !Buffer.from(headHash).equals(Buffer.from(lastHash))) return headSequence;
  const beyond = await db
    .selectFrom('ledger_transactions')
    .select((eb) => eb.fn.min('sequence').as('sequence'))
    .where('community_id', '=', communityId)
    .where('sequence', '>', headSequence)
    .executeTakeFirst();
  return beyond?.sequence ?? null;
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
