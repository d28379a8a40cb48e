import type { Database } from '@tally/db/schema';
import type { ServiceCategory } from '@tally/domain/categories';
import type { EarningRuleTerms } from '@tally/domain/earning-rules';
import { campaignApplies, previewRule } from '@tally/domain/earning-rules';
import { DomainError } from '@tally/domain/errors';
import { MAX_PREVIEW_DAYS, type RulePreviewResult } from '@tally/domain/rules';
import { type Kysely, sql } from 'kysely';

type Period = { from: string; to: string };

/**
 * What a proposed rule would have paid for the approved service of a period, next to what
 * was actually paid. Records are replayed in the order the service happened; a record that
 * was a resident's first participation gets the proposed bonus, so the two figures compare
 * the same records under the same circumstances.
 */
export async function previewEarningRule(
  db: Kysely<Database>,
  {
    communityId,
    terms,
    period,
  }: { communityId: string; terms: EarningRuleTerms; period: Partial<Period> },
): Promise<RulePreviewResult> {
  const calendar = await db
    .selectFrom('communities')
    .select([
      'time_zone',
      sql<string>`to_char(now() at time zone time_zone, 'YYYY-MM-DD')`.as('today'),
    ])
    .where('id', '=', communityId)
    .executeTakeFirstOrThrow();
  const { from, to } =
    period.from && period.to
      ? { from: period.from, to: period.to }
      : lastCalendarMonth(calendar.today);
  if (daysBetween(from, to) >= MAX_PREVIEW_DAYS) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `A preview covers at most ${MAX_PREVIEW_DAYS} days.`,
    );
  }
  const records = await approvedRecordsOf(db, {
    communityId,
    timeZone: calendar.time_zone,
    from,
    to,
  });
  const replayed = records.map((record) => ({
    residentId: record.resident_id,
    serviceDate: record.service_date,
    minutes: record.minutes,
    category: record.category as ServiceCategory,
    isFirstParticipation: record.first_participation_bonus !== null,
    birthYear: record.birth_year,
    building: record.building,
  }));
  const preview = previewRule({ rule: terms, records: replayed });
  const paid = new Map<string, number>();
  for (const record of records) {
    paid.set(record.resident_id, (paid.get(record.resident_id) ?? 0) + (record.points ?? 0));
  }
  const differences = Object.entries(preview.perResident).map(
    ([residentId, points]) => points - (paid.get(residentId) ?? 0),
  );
  const inCampaign = replayed.filter((record) => campaignApplies(terms.campaign, record));
  return {
    from,
    to,
    records: records.length,
    residents: Object.keys(preview.perResident).length,
    currentPoints: records.reduce((sum, record) => sum + (record.points ?? 0), 0),
    proposedPoints: preview.totalPoints,
    residentsPaidMore: differences.filter((difference) => difference > 0).length,
    residentsPaidLess: differences.filter((difference) => difference < 0).length,
    campaignRecords: inCampaign.length,
    campaignResidents: new Set(inCampaign.map((record) => record.residentId)).size,
  };
}

/** Approved records whose service started in the period (local days, both ends included). */
function approvedRecordsOf(
  db: Kysely<Database>,
  { communityId, timeZone, from, to }: Period & { communityId: string; timeZone: string },
) {
  const startsAt = sql<Date>`(${from}::date)::timestamp at time zone ${timeZone}`;
  const endsAt = sql<Date>`(${to}::date + 1)::timestamp at time zone ${timeZone}`;
  return db
    .selectFrom('service_records as s')
    .innerJoin('residents as r', (join) =>
      join.onRef('r.community_id', '=', 's.community_id').onRef('r.id', '=', 's.resident_id'),
    )
    .select([
      's.resident_id',
      's.minutes',
      's.category',
      's.points',
      's.first_participation_bonus',
      'r.birth_year',
      'r.building',
      sql<string>`to_char(s.started_at at time zone ${timeZone}, 'YYYY-MM-DD')`.as('service_date'),
    ])
    .where('s.community_id', '=', communityId)
    .where('s.status', '=', 'approved')
    .where('s.started_at', '>=', startsAt)
    .where('s.started_at', '<', endsAt)
    .orderBy('s.started_at')
    .orderBy('s.id')
    .execute();
}

/** The calendar month before the one `today` (YYYY-MM-DD) falls in. */
export function lastCalendarMonth(today: string): Period {
  const [year = 0, month = 0] = today.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 2, 1));
  const last = new Date(Date.UTC(year, month - 1, 0));
  return { from: isoDate(first), to: isoDate(last) };
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}
