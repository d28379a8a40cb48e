import type { VerifyResult } from '@tally/domain/ledger';
import { sql } from 'kysely';
import type { Executor } from './executor';

export type VerifyProgress = { checked: number; total: number };

type BatchRow = {
  checked: number;
  first_broken: number | null;
  last_sequence: number | null;
  last_hash: Uint8Array | null;
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
  }: {
    batchSize?: number;
    onProgress?: (progress: VerifyProgress) => void;
    /** Resume after this entry (whose own link an earlier step already checked). */
    afterSequence?: number;
    /** Check at most this many entries now; the answer says whether the whole chain is done. */
    limit?: number;
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
  for (let from = afterSequence; from < end && firstBroken === null; from += batchSize) {
    const to = Math.min(from + batchSize, end);
    const batch = await verifyBatch(db, {
      communityId,
      from,
      to,
      expectedPrev: expectedPrev ?? chain.genesis,
    });
    checked += batch.checked;
    firstBroken =
      batch.first_broken ?? (batch.last_sequence !== to ? (batch.last_sequence ?? from) + 1 : null);
    if (batch.last_hash) expectedPrev = batch.last_hash;
    onProgress?.({ checked: to, total });
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
  {
    communityId,
    from,
    to,
    expectedPrev,
  }: { communityId: string; from: number; to: number; expectedPrev: Uint8Array },
): Promise<BatchRow> {
  const { rows } = await sql<BatchRow>`
    with t as (
      select t.sequence, t.hash, t.prev_hash,
        tally_transaction_hash(t.prev_hash, t.community_id, t.sequence, t.id, t.kind,
          t.actor_type, t.actor_id, t.actor_origin, t.memo, t.reference_type, t.reference_id,
          t.reverses, t.created_at,
          (select jsonb_agg(jsonb_build_array(p.account_id, p.unit, p.amount) order by p.position)
             from ledger_postings p
            where p.community_id = t.community_id and p.transaction_id = t.id)) as expected,
        coalesce(lag(t.hash) over w, ${expectedPrev}::bytea) as linked_prev,
        coalesce(lag(t.sequence) over w, ${from}::bigint) as prev_sequence
      from ledger_transactions t
      where t.community_id = ${communityId} and t.sequence > ${from} and t.sequence <= ${to}
      window w as (order by t.sequence)
    )
    select count(*)::int as checked,
      min(case
            when sequence <> prev_sequence + 1 then prev_sequence + 1
            when hash <> expected or prev_hash <> linked_prev then sequence
          end) as first_broken,
      max(sequence) as last_sequence,
      (array_agg(hash order by sequence desc))[1] as last_hash
    from t`.execute(db);
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
