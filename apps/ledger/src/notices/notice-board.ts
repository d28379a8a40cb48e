import type { Database } from '@tally/db/schema';
import type { ServiceCategory } from '@tally/domain/categories';
import { ANONYMOUS_RESIDENT, type NoticeBoard } from '@tally/domain/notices';
import { minutesToHours } from '@tally/domain/units';
import { type Kysely, sql } from 'kysely';
import { cursorTime, newestFirst, toTimePage } from '../common/pages';
import { isCountedService } from '../reports/counted-service';
import { calendarDay } from '../service/stored-time';

/**
 * The public notice board: service approved within the community's notice period, newest
 * approval first, while it still counts (a reversed credit leaves the board). Residents who did
 * not agree to be named appear as "A resident".
 */
export async function noticeBoard(
  db: Kysely<Database>,
  {
    communityId,
    cursor,
    limit,
  }: { communityId: string; cursor?: string | undefined; limit: number },
): Promise<NoticeBoard> {
  const community = await db
    .selectFrom('communities')
    .select(['notice_days', 'time_zone'])
    .where('id', '=', communityId)
    .executeTakeFirstOrThrow();
  const noticeDays = community.notice_days;
  const approved = db
    .selectFrom('service_records as s')
    .innerJoin('residents as r', (join) =>
      join.onRef('r.community_id', '=', 's.community_id').onRef('r.id', '=', 's.resident_id'),
    )
    .innerJoin('organizations as o', (join) =>
      join.onRef('o.community_id', '=', 's.community_id').onRef('o.id', '=', 's.organization_id'),
    )
    .select([
      's.id',
      'r.display_name',
      'r.show_name',
      'o.id as organization_id',
      'o.name_zh as organization_name_zh',
      'o.name_en as organization_name_en',
      's.activity_title',
      's.category',
      's.minutes',
      calendarDay('s.started_at', community.time_zone).as('service_date'),
      sql<Date>`s.reviewed_at`.as('approved_at'),
      sql<Date>`s.reviewed_at + make_interval(days => ${noticeDays})`.as('notice_until'),
      cursorTime('s.reviewed_at').as('cursor_time'),
    ])
    .where('s.community_id', '=', communityId)
    .where(isCountedService)
    .where('s.reviewed_at', '>', sql<Date>`now() - make_interval(days => ${noticeDays})`);
  const query = newestFirst(approved, { time: 's.reviewed_at', id: 's.id', cursor }).limit(
    limit + 1,
  );
  const page = toTimePage(await query.execute(), limit);
  return {
    noticeDays,
    nextCursor: page.nextCursor,
    items: page.items.map((row) => ({
      serviceRecordId: row.id,
      displayName: row.show_name ? row.display_name : ANONYMOUS_RESIDENT,
      named: row.show_name,
      organization: {
        id: row.organization_id,
        name: { zh: row.organization_name_zh, en: row.organization_name_en },
      },
      activity: { title: row.activity_title, category: row.category as ServiceCategory },
      serviceDate: row.service_date,
      minutes: row.minutes,
      hours: minutesToHours(row.minutes),
      approvedAt: new Date(row.approved_at).toISOString(),
      noticeUntil: new Date(row.notice_until).toISOString(),
    })),
  };
}
