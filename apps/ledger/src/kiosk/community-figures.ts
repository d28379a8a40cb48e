import type { Database } from '@tally/db/schema';
import { minutesToHours } from '@tally/domain/units';
import { type Kysely, sql } from 'kysely';
import type { KioskActor } from '../auth/actors';
import { listGoals } from '../goals/list-goals';
import { figuresPeriod } from '../insights/figures-period';

/** How far back a resident's approved service earns them a thank-you on the idle screen. */
export const THANKS_DAYS = 30;

/**
 * The idle screen's public figures: the approved service of this month (in the
 * community's own time zone) — or of the last 30 days early in a month or while
 * this month has none yet (`figuresPeriod`) —,
 * how many took part, the open goals, and a thank-you to recent volunteers (only
 * those who agreed to be named, and by display name only).
 */
export async function communityFigures(
  db: Kysely<Database>,
  kiosk: Pick<KioskActor, 'communityId'>,
  { now = new Date() }: { now?: Date } = {},
) {
  const { communityId } = kiosk;
  const community = await db
    .selectFrom('communities')
    .select(['name_zh', 'name_en', 'time_zone'])
    .where('id', '=', communityId)
    .executeTakeFirstOrThrow();
  const span = await figuresPeriod(db, { communityId, zone: community.time_zone, now });
  const at = sql<Date>`${now.toISOString()}::timestamptz`;
  const [totals, thanks, goals] = await Promise.all([
    db
      .selectFrom('service_records')
      .select((eb) => [
        eb.fn.coalesce(eb.fn.sum<number>('minutes'), eb.lit(0)).as('minutes'),
        eb.fn.count<number>('resident_id').distinct().as('participants'),
      ])
      .where('community_id', '=', communityId)
      .where('status', '=', 'approved')
      .where('started_at', '>=', span.start)
      .where('started_at', '<', span.end)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('service_records as s')
      .innerJoin('residents as r', (join) =>
        join.onRef('r.community_id', '=', 's.community_id').onRef('r.id', '=', 's.resident_id'),
      )
      .select(['r.display_name'])
      .where('s.community_id', '=', communityId)
      .where('s.status', '=', 'approved')
      .where('s.started_at', '>=', sql<Date>`${at} - make_interval(days => ${THANKS_DAYS})`)
      .where('r.show_name', '=', true)
      .groupBy(['r.id', 'r.display_name'])
      .orderBy((eb) => eb.fn.max('s.started_at'), 'desc')
      .orderBy('r.display_name')
      .limit(10)
      .execute(),
    listGoals(db, { communityId, status: 'open' }),
  ]);
  const approvedMinutes = Number(totals.minutes);
  return {
    communityName: { zh: community.name_zh, en: community.name_en },
    month: span.month,
    period: span.period,
    approvedMinutes,
    approvedHours: minutesToHours(approvedMinutes),
    participants: Number(totals.participants),
    goals: goals.map(({ id, title, description, targetPoints, raisedPoints }) => ({
      id,
      title,
      description,
      targetPoints,
      raisedPoints,
    })),
    thanks: thanks.map((row) => row.display_name),
  };
}
