import type { Database } from '@tally/db/schema';
import type { ServiceCategory } from '@tally/domain/categories';
import type { MyServiceRecord } from '@tally/domain/corrections';
import { type Kysely, sql } from 'kysely';
import type { ResidentSession } from '../auth/actors';
import { cursorTime, newestFirst, type Page, toTimePage } from '../common/pages';
import { isCountedService } from '../reports/counted-service';
import { calendarDay, isoMoment } from '../service/stored-time';

/** The resident's own service records at the kiosk, latest service first, with what they may dispute. */
export async function myServiceRecords(
  db: Kysely<Database>,
  {
    session,
    cursor,
    limit,
  }: { session: ResidentSession; cursor?: string | undefined; limit: number },
): Promise<Page<MyServiceRecord>> {
  const records = db
    .selectFrom('service_records as s')
    .innerJoin('organizations as o', (join) =>
      join.onRef('o.community_id', '=', 's.community_id').onRef('o.id', '=', 's.organization_id'),
    )
    .innerJoin('communities as c', 'c.id', 's.community_id')
    .select([
      's.id',
      'o.id as organization_id',
      'o.name_zh as organization_name_zh',
      'o.name_en as organization_name_en',
      's.activity_title',
      's.category',
      's.started_at',
      calendarDay('s.started_at', sql.ref('c.time_zone')).as('service_date'),
      's.minutes',
      's.status',
      's.points',
      cursorTime('s.started_at').as('cursor_time'),
    ])
    .select((eb) => [
      isCountedService(eb).as('counted'),
      eb
        .exists(
          eb
            .selectFrom('correction_requests as q')
            .select('q.id')
            .whereRef('q.community_id', '=', 's.community_id')
            .whereRef('q.service_record_id', '=', 's.id')
            .where('q.status', '=', 'open'),
        )
        .as('disputed'),
    ])
    .where('s.community_id', '=', session.communityId)
    .where('s.resident_id', '=', session.residentId);
  const query = newestFirst(records, { time: 's.started_at', id: 's.id', cursor }).limit(limit + 1);
  const page = toTimePage(await query.execute(), limit);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((row) => ({
      id: row.id,
      organization: {
        id: row.organization_id,
        name: { zh: row.organization_name_zh, en: row.organization_name_en },
      },
      activity: { title: row.activity_title, category: row.category as ServiceCategory },
      startedAt: isoMoment(row.started_at),
      serviceDate: row.service_date,
      minutes: row.minutes,
      status: row.status,
      points: row.points,
      correctable: Boolean(row.counted) && !row.disputed,
    })),
  };
}
