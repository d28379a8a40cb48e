import { sql } from 'kysely';
import type { Executor } from '../executor';

/**
 * For a ledger no checkpoint vouches for yet: the first entry in (from, to] without a seal
 * after a sealed one. Entries from before sealing began form an unbroken prefix of the
 * chain, so an unsealed entry after a sealed one was not written by Tally. (Once a
 * checkpoint exists, every entry after it must be sealed; the chain batches check that.)
 * Reads only the partial index of unsealed entries.
 */
export async function firstUnsealedAfterSealed(
  db: Executor,
  { communityId, from, to }: { communityId: string; from: number; to: number },
): Promise<number | null> {
  const { rows } = await sql<{ sequence: number | null }>`
    with earlier as (
      select count(*)::bigint as unsealed
        from ledger_transactions
       where community_id = ${communityId} and seal is null and sequence <= ${from}
    ), here as (
      select sequence, row_number() over (order by sequence) as place
        from ledger_transactions
       where community_id = ${communityId} and seal is null
         and sequence > ${from} and sequence <= ${to}
    )
    select min(here.sequence) as sequence
      from here, earlier
     where here.sequence <> earlier.unsealed + here.place`.execute(db);
  return rows[0]?.sequence ?? null;
}
