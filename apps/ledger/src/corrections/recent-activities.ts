import type { Database } from '@tally/db/schema';
import type { ServiceCategory } from '@tally/domain/categories';
import { RECENT_ACTIVITY_DAYS, type RecentActivities } from '@tally/domain/corrections';
import type { LocalizedText } from '@tally/domain/localized-text';
import { type Kysely, sql } from 'kysely';
import type { ResidentSession } from '../auth/actors';
import { calendarDay } from '../service/stored-time';

/** Enough for two months of a busy community's sheets on a few screens of buttons. */
const MOST_SHEETS = 300;

/**
 * The sign-in sheets of the last 60 days in the resident's community, so that a missing record
 * can be named by taps: which organization, which day, which activity. Sheets are told apart by
 * organization, title and day (one per activity, however many residents signed it), and carry no
 * one's name: what they show is what the public notice board already shows. The resident's own
 * organizations come first, as the likeliest, then the others with recent sheets.
 */
export async function recentActivities(
  db: Kysely<Database>,
  { session }: { session: ResidentSession },
): Promise<RecentActivities> {
  const { communityId, residentId } = session;
  const { time_zone: zone } = await db
    .selectFrom('communities')
    .select('time_zone')
    .where('id', '=', communityId)
    .executeTakeFirstOrThrow();
  const local = sql`(now() at time zone ${zone})`;
  const since = sql<Date>`(date_trunc('day', ${local}) - make_interval(days => ${RECENT_ACTIVITY_DAYS - 1}::int)) at time zone ${zone}`;
  // The zone by reference, not as a parameter: PostgreSQL must see the grouped expression and
  // the selected one as the same.
  const serviceDate = calendarDay('s.started_at', sql.ref('c.time_zone'));

  const [days, mine, sheets] = await Promise.all([
    sql<{ from: string; to: string }>`
      select to_char(${local} - make_interval(days => ${RECENT_ACTIVITY_DAYS - 1}::int), 'YYYY-MM-DD') as "from",
             to_char(${local}, 'YYYY-MM-DD') as "to"`.execute(db),
    db
      .selectFrom('organization_members as m')
      .innerJoin('organizations as o', (join) =>
        join.onRef('o.community_id', '=', 'm.community_id').onRef('o.id', '=', 'm.organization_id'),
      )
      .select(['o.id', 'o.name_zh', 'o.name_en'])
      .where('m.community_id', '=', communityId)
      .where('m.resident_id', '=', residentId)
      .orderBy('o.name_zh')
      .orderBy('o.name_en')
      .execute(),
    db
      .selectFrom('service_records as s')
      .innerJoin('organizations as o', (join) =>
        join.onRef('o.community_id', '=', 's.community_id').onRef('o.id', '=', 's.organization_id'),
      )
      .innerJoin('communities as c', 'c.id', 's.community_id')
      .select([
        'o.id as organization_id',
        'o.name_zh as organization_name_zh',
        'o.name_en as organization_name_en',
        's.activity_title',
      ])
      .select((eb) => [eb.fn.min('s.category').as('category'), serviceDate.as('service_date')])
      .where('s.community_id', '=', communityId)
      .where('s.started_at', '>=', since)
      .where('s.started_at', '<', sql<Date>`now() + interval '1 day'`)
      .groupBy(['o.id', 'o.name_zh', 'o.name_en', 's.activity_title', 'c.time_zone', serviceDate])
      .orderBy(serviceDate, 'desc')
      .orderBy('s.activity_title')
      .limit(MOST_SHEETS)
      .execute(),
  ]);
  const period = days.rows[0];
  if (!period) throw new Error('the database told no date');
  const mineIds = new Set(mine.map((o) => o.id));
  const others = new Map<string, LocalizedText>();
  for (const sheet of sheets) {
    if (!mineIds.has(sheet.organization_id)) {
      others.set(sheet.organization_id, {
        zh: sheet.organization_name_zh,
        en: sheet.organization_name_en,
      });
    }
  }
  return {
    organizations: [
      ...mine.map((o) => ({ id: o.id, name: { zh: o.name_zh, en: o.name_en }, mine: true })),
      ...[...others]
        .sort(([, a], [, b]) => (a.zh || a.en).localeCompare(b.zh || b.en))
        .map(([id, name]) => ({ id, name, mine: false })),
    ],
    activities: sheets
      .filter((sheet) => sheet.service_date <= period.to)
      .map((sheet) => ({
        organization: {
          id: sheet.organization_id,
          name: { zh: sheet.organization_name_zh, en: sheet.organization_name_en },
        },
        title: sheet.activity_title,
        category: sheet.category as ServiceCategory,
        date: sheet.service_date,
      })),
    from: period.from,
    to: period.to,
  };
}
