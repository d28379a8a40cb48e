import type { Database } from '@tally/db/schema';
import { categoryIds } from '@tally/domain/categories';
import { DASHBOARD_DAYS, type Dashboard, LOW_STOCK_AT_MOST } from '@tally/domain/insights';
import { type Kysely, sql } from 'kysely';
import { figuresPeriod } from './figures-period';

/**
 * The office's home figures as of `now`: the approved service of this month (or
 * of the last 30 days early in a month, as on the kiosk: `figuresPeriod`) and who
 * gave it (and how many for the first time), the review queue, rewards running
 * low, and minutes by day and by category for the charts. Months and days are
 * the community's own (its time zone), and service counts by when it started,
 * as on the kiosk's idle screen. Every query is one index range of one
 * community.
 */
export async function communityDashboard(
  db: Kysely<Database>,
  { communityId, now }: { communityId: string; now: Date },
): Promise<Dashboard> {
  const { time_zone: zone } = await db
    .selectFrom('communities')
    .select('time_zone')
    .where('id', '=', communityId)
    .executeTakeFirstOrThrow();
  // The community's wall clock at `now`, and the period's bounds as instants.
  const local = sql`(${now.toISOString()}::timestamptz at time zone ${zone})`;
  const span = await figuresPeriod(db, { communityId, zone, now });
  const approvedInPeriod = db
    .selectFrom('service_records')
    .where('community_id', '=', communityId)
    .where('status', '=', 'approved')
    .where('started_at', '>=', span.start)
    .where('started_at', '<', span.end);

  const [totals, people, pending, lowStock, byDay, byCategory] = await Promise.all([
    approvedInPeriod
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('minutes'), eb.lit(0)).as('minutes'))
      .executeTakeFirstOrThrow(),
    sql<{ participants: number; first_timers: number }>`
      select count(*) as participants,
             count(*) filter (where not exists (
               select 1 from service_records earlier
                where earlier.community_id = ${communityId}
                  and earlier.resident_id = m.resident_id
                  and earlier.status = 'approved'
                  and earlier.started_at < ${span.start}
             )) as first_timers
        from (${approvedInPeriod.select('resident_id').distinct()}) m`.execute(db),
    db
      .selectFrom('service_records')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('community_id', '=', communityId)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('rewards')
      .select(['id', 'name_zh', 'name_en', 'stock'])
      .where('community_id', '=', communityId)
      .where('active', '=', true)
      .where('stock', '<=', LOW_STOCK_AT_MOST)
      .orderBy('stock')
      .orderBy('name_zh')
      .orderBy('name_en')
      .execute(),
    // Local midnights (DST-proof: each day's bounds are converted on their own).
    sql<{ date: string; minutes: number }>`
      select to_char(d.day, 'YYYY-MM-DD') as date, coalesce(sum(s.minutes), 0) as minutes
        from generate_series(
               date_trunc('day', ${local}) - make_interval(days => ${DASHBOARD_DAYS - 1}),
               date_trunc('day', ${local}),
               interval '1 day'
             ) as d (day)
        left join service_records s
          on s.community_id = ${communityId}
         and s.status = 'approved'
         and s.started_at >= (d.day at time zone ${zone})
         and s.started_at < ((d.day + interval '1 day') at time zone ${zone})
       group by d.day
       order by d.day`.execute(db),
    approvedInPeriod
      .select((eb) => ['category', eb.fn.sum<number>('minutes').as('minutes')])
      .groupBy('category')
      .execute(),
  ]);
  const minutesOf = new Map(byCategory.map((row) => [row.category, Number(row.minutes)]));
  const figures = people.rows[0];
  return {
    month: span.month,
    period: span.period,
    approvedMinutes: Number(totals.minutes),
    participants: Number(figures?.participants ?? 0),
    newParticipants: Number(figures?.first_timers ?? 0),
    pendingApprovals: Number(pending.count),
    lowStockRewards: lowStock.map(({ id, name_zh, name_en, stock }) => ({
      id,
      name: { zh: name_zh, en: name_en },
      stock,
    })),
    minutesByDay: byDay.rows.map((row) => ({ date: row.date, minutes: Number(row.minutes) })),
    minutesByCategory: categoryIds.map((category) => ({
      category,
      minutes: minutesOf.get(category) ?? 0,
    })),
  };
}
