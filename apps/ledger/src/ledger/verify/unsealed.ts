import { sql } from 'kysely';
import type { Executor } from '../executor';

/**
 * The first entry in (from, to] that carries no seal where it must: entries from before
 * sealing began form an unbroken prefix of the chain, so an unsealed entry after a sealed
 * one, or after a signed checkpoint (`sealedAfter`), was not written by Tally. Reads only
 * the partial index of unsealed entries, which is empty on a ledger begun with sealing.
 */
export async function firstUnsealedOutOfPlace(
  db: Executor,
  {
    communityId,
    from,
    to,
    sealedAfter,
  }: { communityId: string; from: number; to: number; sealedAfter: number | null },
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
     where here.sequence <> earlier.unsealed + here.place
        or here.sequence > ${sealedAfter ?? Number.MAX_SAFE_INTEGER}`.execute(db);
  return rows[0]?.sequence ?? null;
}
