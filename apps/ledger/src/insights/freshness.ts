import type { Database } from '@tally/db/schema';
import type { Freshness } from '@tally/domain/insights';
import { type Kysely, sql } from 'kysely';

/**
 * How far the read database (a streaming standby) is behind the primary. `now() -
 * pg_last_xact_replay_timestamp()` alone grows without end while the primary is idle, though
 * nothing is missing; so the primary's WAL position is read first, and a standby that has
 * replayed up to it has everything committed before this call: no lag. Otherwise the lag is the
 * age of the newest transaction it replayed, as the standby's clock tells it.
 */
export async function readFreshness({
  db,
  readDb,
}: {
  db: Kysely<Database>;
  readDb: Kysely<Database>;
}): Promise<Freshness> {
  const asOf = new Date().toISOString();
  if (readDb === db) return { replica: false, lagSeconds: 0, asOf };
  const primary = await sql<{ lsn: string | null }>`
    select case when pg_is_in_recovery() then null else pg_current_wal_lsn()::text end as lsn
  `.execute(db);
  const primaryLsn = primary.rows[0]?.lsn ?? null;
  const { rows } = await sql<{ recovering: boolean; caughtUp: boolean | null; lag: number | null }>`
    select pg_is_in_recovery() as recovering,
           pg_last_wal_replay_lsn() >= ${primaryLsn}::pg_lsn as "caughtUp",
           greatest(0, extract(epoch from now() - pg_last_xact_replay_timestamp()))::float8 as lag
  `.execute(readDb);
  const standby = rows[0];
  // A read URL that names a server which is not a standby reads what the primary wrote.
  if (!standby?.recovering) return { replica: false, lagSeconds: 0, asOf };
  if (standby.caughtUp) return { replica: true, lagSeconds: 0, asOf };
  return { replica: true, lagSeconds: standby.lag, asOf };
}
