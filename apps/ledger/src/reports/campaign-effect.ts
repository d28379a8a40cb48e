import type { Database } from '@tally/db/schema';
import { ageBandOf } from '@tally/domain/age-bands';
import {
  type CampaignEffect,
  type CampaignEffectInput,
  rateCell,
  type StretchParticipation,
  smallGroupCell,
} from '@tally/domain/reports';
import { minutesToHours } from '@tally/domain/units';
import type { Kysely } from 'kysely';
import { addDays, daysBetween } from './calendar';
import { type CountedRecord, countedService } from './counted-service';
import { resolveReportPeriod } from './report-period';
import { type ReportResident, reportResidents } from './report-residents';

type Stretch = { from: string; to: string };

/**
 * Whether a campaign moved its group: the group's participation over the campaign's days so far
 * beside the same number of days just before it, and everyone else's over the same days, so a
 * rise everyone shared (a busy season) is not taken for the campaign's doing.
 */
export async function campaignEffect(
  db: Kysely<Database>,
  { communityId, input }: { communityId: string; input: CampaignEffectInput },
): Promise<CampaignEffect> {
  const { today } = await resolveReportPeriod(db, { communityId, input: {} });
  const started = input.from <= today;
  // The earlier of two ISO days, compared as text (Math.min would make numbers of them).
  const lastDay = [input.to, today].sort()[0] ?? today;
  const during = started ? { from: input.from, to: lastDay } : null;
  const length = daysBetween(input.from, during?.to ?? input.to) + 1;
  const before = { from: addDays(input.from, -length), to: addDays(input.from, -1) };
  // Resolving the whole span checks it against the longest period a report may cover.
  const span = await resolveReportPeriod(db, {
    communityId,
    input: { from: before.from, to: during?.to ?? before.to },
  });
  const [residents, records] = await Promise.all([
    reportResidents(db, span),
    countedService(db, span),
  ]);
  const year = Number(input.from.slice(0, 4));
  const inGroup = (resident: ReportResident) =>
    (!input.ageBand || ageBandOf(resident.birthYear, year) === input.ageBand) &&
    (!input.building || resident.building === input.building);
  const measure = (stretch: Stretch, wanted: boolean) =>
    participation({ stretch, residents, records, inGroup: (r) => inGroup(r) === wanted });
  const beforeAndDuring = (wanted: boolean) => ({
    before: measure(before, wanted),
    during: during ? measure(during, wanted) : null,
  });
  return {
    timeZone: span.timeZone,
    during,
    before,
    group: beforeAndDuring(true),
    everyoneElse: input.ageBand || input.building ? beforeAndDuring(false) : null,
  };
}

/** Residents counted as in the structure report: card (or service) by the stretch's end. */
function participation({
  stretch,
  residents,
  records,
  inGroup,
}: {
  stretch: Stretch;
  residents: ReportResident[];
  records: CountedRecord[];
  inGroup: (resident: ReportResident) => boolean;
}): StretchParticipation {
  const minutesByResident = new Map<string, number>();
  for (const record of records) {
    if (record.serviceDate < stretch.from || record.serviceDate > stretch.to) continue;
    minutesByResident.set(
      record.residentId,
      (minutesByResident.get(record.residentId) ?? 0) + record.minutes,
    );
  }
  const counted = residents.filter(
    (r) => inGroup(r) && (r.since <= stretch.to || minutesByResident.has(r.id)),
  );
  const served = counted.filter((r) => minutesByResident.has(r.id));
  const minutes = served.reduce((sum, r) => sum + (minutesByResident.get(r.id) ?? 0), 0);
  return {
    residents: smallGroupCell(counted.length),
    participants: smallGroupCell(served.length),
    rate: rateCell(served.length, counted.length),
    hours: smallGroupCell(served.length, minutesToHours(minutes)),
  };
}
