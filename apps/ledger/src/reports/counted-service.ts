import type { Database } from '@tally/db/schema';
import type { ServiceCategory } from '@tally/domain/categories';
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';

/** One approved service record that still counts, with its day in the community's calendar. */
export type CountedRecord = {
  id: string;
  residentId: string;
  organizationId: string;
  category: ServiceCategory;
  minutes: number;
  points: number;
  serviceDate: string;
};

export type ServiceFilter = {
  communityId: string;
  timeZone: string;
  organizationId?: string | null | undefined;
  residentId?: string | undefined;
  /** Calendar days in the community's time zone, both included. */
  from?: string | undefined;
  to?: string | undefined;
};

/**
 * Service counts once it is approved and its credit was not reversed (by a correction or by the
 * office): the single definition reports, certificates and the notice board share.
 */
export function isCountedService(
  eb: ExpressionBuilder<Database & { s: Database['service_records'] }, 's'>,
) {
  return eb.and([
    eb('s.status', '=', 'approved'),
    eb.not(
      eb.exists(
        eb
          .selectFrom('ledger_transactions as reversal')
          .select('reversal.id')
          .whereRef('reversal.community_id', '=', 's.community_id')
          .whereRef('reversal.reverses', '=', 's.transaction_id'),
      ),
    ),
  ]);
}

/** The instant a community calendar day starts. */
export function startOfDay(date: string, timeZone: string) {
  return sql<Date>`(${date}::date)::timestamp at time zone ${timeZone}`;
}

/** The instant after a community calendar day ends. */
export function endOfDay(date: string, timeZone: string) {
  return sql<Date>`(${date}::date + 1)::timestamp at time zone ${timeZone}`;
}

export function localDate(column: string, timeZone: string) {
  return sql<string>`to_char(${sql.ref(column)} at time zone ${timeZone}, 'YYYY-MM-DD')`;
}

/** Counted service matching the filter, in the order it happened. */
export async function countedService(
  db: Kysely<Database>,
  filter: ServiceFilter,
): Promise<CountedRecord[]> {
  const { communityId, timeZone, organizationId, residentId, from, to } = filter;
  let query = db
    .selectFrom('service_records as s')
    .select([
      's.id',
      's.resident_id',
      's.organization_id',
      's.category',
      's.minutes',
      's.points',
      localDate('s.started_at', timeZone).as('service_date'),
    ])
    .where('s.community_id', '=', communityId)
    .where(isCountedService);
  if (organizationId) query = query.where('s.organization_id', '=', organizationId);
  if (residentId) query = query.where('s.resident_id', '=', residentId);
  if (from) query = query.where('s.started_at', '>=', startOfDay(from, timeZone));
  if (to) query = query.where('s.started_at', '<', endOfDay(to, timeZone));
  const rows = await query.orderBy('s.started_at').orderBy('s.id').execute();
  return rows.map((row) => ({
    id: row.id,
    residentId: row.resident_id,
    organizationId: row.organization_id,
    category: row.category as ServiceCategory,
    minutes: row.minutes,
    points: row.points ?? 0,
    serviceDate: row.service_date,
  }));
}

/**
 * Each resident's first two days of counted service up to `to` (the second on a later day than
 * the first): when they took the first step, and when they came back.
 */
export async function firstServiceDays(
  db: Kysely<Database>,
  { communityId, timeZone, organizationId, to }: ServiceFilter & { to: string },
): Promise<Map<string, { first: string; second: string | null }>> {
  let days = db
    .selectFrom('service_records as s')
    .select(['s.resident_id', localDate('s.started_at', timeZone).as('service_date')])
    .distinct()
    .where('s.community_id', '=', communityId)
    .where(isCountedService)
    .where('s.started_at', '<', endOfDay(to, timeZone));
  if (organizationId) days = days.where('s.organization_id', '=', organizationId);
  const ranked = db
    .selectFrom(days.as('d'))
    .select([
      'd.resident_id',
      'd.service_date',
      sql<number>`row_number() over (partition by d.resident_id order by d.service_date)`.as('n'),
    ]);
  const rows = await db
    .selectFrom(ranked.as('r'))
    .select(['r.resident_id', 'r.service_date'])
    .where('r.n', '<=', 2)
    .orderBy('r.resident_id')
    .orderBy('r.service_date')
    .execute();
  const firsts = new Map<string, { first: string; second: string | null }>();
  for (const row of rows) {
    const seen = firsts.get(row.resident_id);
    if (!seen) firsts.set(row.resident_id, { first: row.service_date, second: null });
    else if (seen.second === null) seen.second = row.service_date;
  }
  return firsts;
}
