import { sql } from 'kysely';
import { type Executor, inTransaction } from '../executor';

export type BatchRow = {
  checked: number;
  /** The first sequence number the batch skips (an entry deleted). */
  first_gap: number | null;
  /** The first entry whose hash or link does not hold. */
  first_mismatch: number | null;
  /** The first entry without a seal after `sealedAfter`: not written by Tally. */
  first_unsealed: number | null;
  last_sequence: number | null;
  last_hash: Uint8Array | null;
  first_prev_hash: Uint8Array | null;
};

/**
 * For the batch's own transaction: no JIT (compiling a batch's plan costs more than it
 * saves once a big community's plan is costed past jit_above_cost), no parallel workers
 * (verify already checks batches side by side, one per connection), and room to group a
 * batch in memory rather than on disk.
 */
const batchSettings = sql`select set_config('jit', 'off', true),
  set_config('max_parallel_workers_per_gather', '0', true), set_config('work_mem', '32MB', true)`;

/**
 * Checks transactions (from, to]: each hash re-derived in its own form (an entry with a
 * seal hashes its accounts' identities and its seal; one from before sealing does not),
 * each link and sequence step intact. The first entry's link is left to the caller.
 */
export async function verifyChainBatch(
  db: Executor,
  {
    communityId,
    from,
    to,
    sealedAfter,
  }: { communityId: string; from: number; to: number; sealedAfter: number | null },
): Promise<BatchRow> {
  // One grouped join over the batch: each transaction with its postings (and their
  // accounts), grouped by the transaction's key. No join of a batch against its own
  // aggregate, whose plan turns quadratic when the planner has no statistics yet.
  // Each hash is re-derived and compared inside that grouping, so only a flag and the two
  // links (not the postings' text) are sorted by sequence for the window over neighbours:
  // the wide sort spilled to disk and cost a fifth of the batch.
  const query = sql<BatchRow>`
    with h as materialized (
      select t.sequence, t.hash, t.prev_hash, t.seal is null as unsealed,
        coalesce(t.hash = case when t.seal is null
          then tally_transaction_hash(t.prev_hash, t.community_id, t.sequence, t.id, t.kind,
            t.actor_type, t.actor_id, t.actor_origin, t.memo, t.reference_type, t.reference_id,
            t.reverses, t.created_at,
            jsonb_agg(jsonb_build_array(p.account_id, p.unit, p.amount) order by p.position))
          else tally_transaction_hash_v2(t.prev_hash, t.community_id, t.sequence, t.id, t.kind,
            t.actor_type, t.actor_id, t.actor_origin, t.memo, t.reference_type, t.reference_id,
            t.reverses, t.created_at,
            json_agg(json_build_array(p.account_id, p.unit, p.amount, a.owner_type,
              a.owner_id, a.min_balance) order by p.position),
            t.seal)
        end, false) as holds
      from ledger_transactions t
      left join ledger_postings p on p.community_id = t.community_id and p.transaction_id = t.id
      left join ledger_accounts a on a.community_id = p.community_id and a.id = p.account_id
      where t.community_id = ${communityId} and t.sequence > ${from} and t.sequence <= ${to}
      group by t.community_id, t.id
    ), v as (
      select sequence, hash, prev_hash, unsealed, holds,
        coalesce(lag(hash) over w, prev_hash) as linked_prev,
        coalesce(lag(sequence) over w, ${from}::bigint) as prev_sequence
      from h
      window w as (order by sequence)
    )
    select count(*)::int as checked,
      min(case when sequence <> prev_sequence + 1 then prev_sequence + 1 end) as first_gap,
      min(case when not holds or prev_hash <> linked_prev then sequence end) as first_mismatch,
      min(sequence) filter (where unsealed and sequence > ${sealedAfter ?? Number.MAX_SAFE_INTEGER})
        as first_unsealed,
      max(sequence) as last_sequence,
      (array_agg(hash order by sequence desc))[1] as last_hash,
      (array_agg(prev_hash order by sequence))[1] as first_prev_hash
    from v`;
  const { rows } = await inTransaction(db, async (trx) => {
    await batchSettings.execute(trx);
    return query.execute(trx);
  });
  const row = rows[0];
  if (!row) throw new Error('verify batch returned no row');
  return row;
}
