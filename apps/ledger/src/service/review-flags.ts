import type { Database } from '@tally/db/schema';
import { type ServiceFlag, serviceFlags } from '@tally/domain/service';
import { type Kysely, sql } from 'kysely';

/** More service than this on one calendar day is worth a second look. */
export const MAX_MINUTES_PER_DAY = 720;
/** Service logged longer than this after it happened is worth a second look. */
export const LATE_LOGGING_DAYS = 30;

type FlagRow = { id: string } & Record<ServiceFlag, boolean>;

/**
 * The reviewer's hints for a page of records (see `ServiceFlag` for what each means).
 * Rejected records never count against another record. Each check is served by the
 * (community, resident, started_at) index: an overlap can only come from a record that
 * started at most a day (the longest service) before.
 */
export async function reviewFlags(
  db: Kysely<Database>,
  communityId: string,
  recordIds: string[],
): Promise<Map<string, ServiceFlag[]>> {
  if (recordIds.length === 0) return new Map();
  const { rows } = await sql<FlagRow>`
    select r.id,
      (select coalesce(sum(d.minutes), 0)
         from service_records d
        where d.community_id = r.community_id and d.resident_id = r.resident_id
          and d.status <> 'rejected'
          and d.started_at >= date_trunc('day', r.started_at at time zone c.time_zone)
                              at time zone c.time_zone
          and d.started_at < (date_trunc('day', r.started_at at time zone c.time_zone)
                              + interval '1 day') at time zone c.time_zone
      ) > ${MAX_MINUTES_PER_DAY} as over_12_hours_in_day,
      exists (
        select 1 from service_records o
         where o.community_id = r.community_id and o.resident_id = r.resident_id
           and o.id <> r.id and o.status <> 'rejected'
           and o.started_at > r.started_at - interval '1440 minutes'
           and o.started_at < r.started_at + make_interval(mins => r.minutes)
           and r.started_at < o.started_at + make_interval(mins => o.minutes)
      ) as overlapping,
      r.started_at > now() as future_date,
      r.logged_at > r.started_at + make_interval(days => ${LATE_LOGGING_DAYS}) as logged_late,
      lower(trim(s.display_name)) in (lower(trim(p.name)), lower(trim(p.display_name))) as self_logged
    from service_records r
    join communities c on c.id = r.community_id
    join residents p on p.community_id = r.community_id and p.id = r.resident_id
    join staff_users s on s.community_id = r.community_id and s.id = r.logged_by
    where r.community_id = ${communityId} and r.id in (${sql.join(recordIds)})`.execute(db);
  return new Map(rows.map((row) => [row.id, serviceFlags.filter((flag) => row[flag])]));
}
