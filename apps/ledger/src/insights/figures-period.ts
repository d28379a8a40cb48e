import type { Database } from '@tally/db/schema';
import { type FiguresPeriod, FULL_MONTH_FROM_DAY, RECENT_DAYS } from '@tally/domain/insights';
import { type Kysely, type RawBuilder, sql } from 'kysely';

/** A figures period, with its bounds as instants for queries on `started_at`. */
export type FiguresSpan = {
  period: FiguresPeriod;
  /** The community's current month, `YYYY-MM`. */
  month: string;
  /** The first instant of the period (the community's midnight). */
  start: RawBuilder<Date>;
  /** The instant after the period: the month's end, or the end of today. */
  end: RawBuilder<Date>;
};

/**
 * The days a community's headline figures cover at `now` (the kiosk's idle screen and the
 * office's dashboard say the same): this month, or the last 30 days early in a month or while
 * the month has no approved service yet. Days are the community's own (its time zone).
 */
export async function figuresPeriod(
  db: Kysely<Database>,
  { communityId, zone, now }: { communityId: string; zone: string; now: Date },
): Promise<FiguresSpan> {
  const at = sql<Date>`${now.toISOString()}::timestamptz`;
  const local = sql`(${at} at time zone ${zone})`;
  const monthStart = sql<Date>`(date_trunc('month', ${local}) at time zone ${zone})`;
  const monthEnd = sql<Date>`((date_trunc('month', ${local}) + interval '1 month') at time zone ${zone})`;
  const recentStart = sql<Date>`((date_trunc('day', ${local}) - make_interval(days => ${RECENT_DAYS - 1}::int)) at time zone ${zone})`;
  const todayEnd = sql<Date>`((date_trunc('day', ${local}) + interval '1 day') at time zone ${zone})`;
  const { rows } = await sql<{
    month: string;
    today: string;
    day: number;
    recent_from: string;
    served: boolean;
  }>`
    select to_char(${local}, 'YYYY-MM') as month,
           to_char(${local}, 'YYYY-MM-DD') as today,
           extract(day from ${local})::int as day,
           to_char(${local} - make_interval(days => ${RECENT_DAYS - 1}::int), 'YYYY-MM-DD') as recent_from,
           exists (
             select 1 from service_records
              where community_id = ${communityId}
                and status = 'approved'
                and started_at >= ${monthStart}
                and started_at < ${monthEnd}
           ) as served`.execute(db);
  const today = rows[0];
  if (!today) throw new Error('the database told no date');
  const early = Number(today.day) < FULL_MONTH_FROM_DAY || !today.served;
  return early
    ? {
        period: {
          kind: 'recentDays',
          days: RECENT_DAYS,
          from: today.recent_from,
          to: today.today,
        },
        month: today.month,
        start: recentStart,
        end: todayEnd,
      }
    : {
        period: {
          kind: 'month',
          days: Number(today.day),
          from: `${today.month}-01`,
          to: today.today,
        },
        month: today.month,
        start: monthStart,
        end: monthEnd,
      };
}
