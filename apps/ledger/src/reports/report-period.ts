import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import { MAX_REPORT_DAYS, type ReportInput, type ReportPeriod } from '@tally/domain/reports';
import { type Kysely, sql } from 'kysely';
import { addDays, daysBetween } from './calendar';

/** A report's period, resolved: the community's time zone and today are needed to count days. */
export type ResolvedPeriod = ReportPeriod & { communityId: string; today: string };

/** Days in each preset that counts back from today (this calendar year aside). */
const LAST_DAYS = { last_30_days: 30, last_90_days: 90, last_365_days: 365 } as const;

/**
 * The period a report covers (from–to, or a preset counted back from today in the community's
 * time zone; default the last 365 days) and, if asked for, the organization — which must be the
 * community's own.
 */
export async function resolveReportPeriod(
  db: Kysely<Database>,
  { communityId, input }: { communityId: string; input: ReportInput },
): Promise<ResolvedPeriod> {
  const calendar = await db
    .selectFrom('communities')
    .select([
      'time_zone',
      sql<string>`to_char(now() at time zone time_zone, 'YYYY-MM-DD')`.as('today'),
    ])
    .where('id', '=', communityId)
    .executeTakeFirstOrThrow();
  const to = input.to ?? calendar.today;
  const last = input.last ?? 'last_365_days';
  const from =
    input.from ??
    (last === 'this_year' ? `${to.slice(0, 4)}-01-01` : addDays(to, -(LAST_DAYS[last] - 1)));
  if (daysBetween(from, to) >= MAX_REPORT_DAYS) {
    throw new DomainError('VALIDATION_FAILED', `A report covers at most ${MAX_REPORT_DAYS} days.`);
  }
  if (input.organizationId) {
    const organization = await db
      .selectFrom('organizations')
      .select('id')
      .where('community_id', '=', communityId)
      .where('id', '=', input.organizationId)
      .executeTakeFirst();
    if (!organization) throw new DomainError('NOT_FOUND', 'That organization could not be found.');
  }
  return {
    communityId,
    from,
    to,
    organizationId: input.organizationId ?? null,
    timeZone: calendar.time_zone,
    today: calendar.today,
  };
}

/** The period as the report states it. */
export function statedPeriod({ from, to, organizationId, timeZone }: ResolvedPeriod): ReportPeriod {
  return { from, to, organizationId, timeZone };
}
