import type { Database } from '@tally/db/schema';
import { ageBandEdges, ageBandOf, ageBands } from '@tally/domain/age-bands';
import {
  fraction,
  type GovernanceAct,
  type GroupParticipation,
  type ReportInput,
  rateCell,
  type StructureReport,
  smallGroupCell,
  type UnderRepresentedGroup,
} from '@tally/domain/reports';
import { minutesToHours } from '@tally/domain/units';
import type { Kysely } from 'kysely';
import { addDays, monthsOf } from './calendar';
import { type CountedRecord, countedService, firstServiceDays } from './counted-service';
import { governanceActsIn, governanceParticipation } from './governance-participation';
import { type ResolvedPeriod, resolveReportPeriod, statedPeriod } from './report-period';
import { type ReportResident, reportResidents } from './report-residents';

const UNKNOWN = 'unknown';
const CALLOUT_GROUPS = 3;

/** Who takes part: residents against participants by age band and building, and who gives most. */
export async function structureReport(
  db: Kysely<Database>,
  { communityId, input }: { communityId: string; input: ReportInput },
): Promise<StructureReport> {
  const period = await resolveReportPeriod(db, { communityId, input });
  const earliest = [period.from, addDays(period.to, -364)].sort()[0] ?? period.from;
  const [residents, records, firsts, acts] = await Promise.all([
    reportResidents(db, period),
    countedService(db, { ...period, from: earliest }),
    firstServiceDays(db, period),
    governanceActsIn(db, period),
  ]);
  return buildStructureReport({ period, residents, records, firsts, acts });
}

type Window = StructureReport['windows'][number]['window'];

export function buildStructureReport({
  period,
  residents,
  records,
  firsts,
  acts,
}: {
  period: ResolvedPeriod;
  residents: ReportResident[];
  records: CountedRecord[];
  firsts: Map<string, { first: string; second: string | null }>;
  acts: { residentId: string; act: GovernanceAct }[];
}): StructureReport {
  const year = Number(period.to.slice(0, 4));
  const windows: [Window, string][] = [
    ['period', period.from],
    ['last_30_days', addDays(period.to, -29)],
    ['last_90_days', addDays(period.to, -89)],
    ['last_365_days', addDays(period.to, -364)],
  ];
  const participation = windows.map(([window, from]) => {
    const served = new Set(
      records
        .filter((r) => r.serviceDate >= from && r.serviceDate <= period.to)
        .map((r) => r.residentId),
    );
    const counted = residents.filter((r) => r.since <= period.to || served.has(r.id));
    const byAgeBand = groupParticipation(
      counted,
      served,
      (r) => ageBandOf(r.birthYear, year) ?? UNKNOWN,
      [...ageBands, UNKNOWN],
    );
    const byBuilding = groupParticipation(counted, served, (r) => r.building ?? UNKNOWN);
    const total = groupParticipation(counted, served, () => 'all');
    return { window, from, to: period.to, counted, served, total, byAgeBand, byBuilding };
  });

  const inPeriod = records.filter((r) => r.serviceDate >= period.from);
  const minutesByResident = new Map<string, number>();
  for (const record of inPeriod) {
    minutesByResident.set(
      record.residentId,
      (minutesByResident.get(record.residentId) ?? 0) + record.minutes,
    );
  }
  const participants = minutesByResident.size;
  const isNew = (residentId: string) => (firsts.get(residentId)?.first ?? '') >= period.from;
  const newParticipants = [...minutesByResident.keys()].filter(isNew).length;
  const [periodWindow] = participation;

  return {
    period: statedPeriod(period),
    ageBands: ageBands.map((id) => ({ id, ...ageBandEdges[id] })),
    windows: participation.map(({ window, from, to, total, byAgeBand, byBuilding }) => ({
      window,
      from,
      to,
      total: cells(total[0]),
      byAgeBand: byAgeBand.map(cells),
      byBuilding: byBuilding.map(cells),
    })),
    newParticipantsByMonth: monthsOf(period.from, period.to).map((month) => ({
      month,
      newParticipants: smallGroupCell(
        [...firsts.values()].filter(
          ({ first }) => first.startsWith(month) && first >= period.from && first <= period.to,
        ).length,
      ),
    })),
    participants: smallGroupCell(participants),
    newParticipants: smallGroupCell(newParticipants),
    returningParticipants: smallGroupCell(participants - newParticipants),
    concentration: concentration([...minutesByResident.values()]),
    underRepresented: periodWindow
      ? underRepresented(periodWindow.byAgeBand, periodWindow.byBuilding, periodWindow.total[0])
      : [],
    governance: governanceParticipation({
      // Residents of the report by its end; anyone who took part counts even without a card yet.
      residents: residents.filter(
        (r) => r.since <= period.to || acts.some((act) => act.residentId === r.id),
      ),
      acts,
      year,
    }),
  };
}

type GroupCount = { group: string; residents: number; participants: number };

function groupParticipation(
  counted: ReportResident[],
  served: Set<string>,
  groupOf: (resident: ReportResident) => string,
  order?: readonly string[],
): GroupCount[] {
  const groups = new Map<string, GroupCount>(
    (order ?? []).map((group) => [group, { group, residents: 0, participants: 0 }]),
  );
  for (const resident of counted) {
    const key = groupOf(resident);
    const group = groups.get(key) ?? { group: key, residents: 0, participants: 0 };
    group.residents += 1;
    if (served.has(resident.id)) group.participants += 1;
    groups.set(key, group);
  }
  const list = [...groups.values()];
  if (order) return list;
  // Buildings in natural order ("2" before "10"), the unknown last.
  return list.sort((a, b) =>
    a.group === UNKNOWN
      ? 1
      : b.group === UNKNOWN
        ? -1
        : a.group.localeCompare(b.group, 'en', { numeric: true }),
  );
}

function cells(count: GroupCount | undefined): GroupParticipation {
  const { group = 'all', residents = 0, participants = 0 } = count ?? {};
  return {
    group,
    residents: smallGroupCell(residents),
    participants: smallGroupCell(participants),
    rate: rateCell(participants, residents),
  };
}

/** Everyone's minutes in the period: how much of it the top tenth of participants gave. */
function concentration(minutes: number[]): StructureReport['concentration'] {
  const total = minutes.reduce((sum, m) => sum + m, 0);
  const top = Math.max(1, Math.ceil(minutes.length / 10));
  const topMinutes = [...minutes]
    .sort((a, b) => b - a)
    .slice(0, top)
    .reduce((sum, m) => sum + m, 0);
  return {
    topParticipants: smallGroupCell(top),
    topShareOfHours: smallGroupCell(minutes.length, fraction(topMinutes, total)),
    totalHours: smallGroupCell(minutes.length, minutesToHours(total)),
  };
}

/**
 * The groups taking part least: known age bands and buildings of five residents or more whose
 * rate is below the overall rate, lowest first. Ranking uses the exact rates; what is shown
 * follows the small-group rule like every other cell.
 */
function underRepresented(
  byAgeBand: GroupCount[],
  byBuilding: GroupCount[],
  total: GroupCount | undefined,
): UnderRepresentedGroup[] {
  if (!total || total.residents === 0) return [];
  const overall = total.participants / total.residents;
  const candidates = [
    ...byAgeBand.map((group) => ({ dimension: 'age_band' as const, ...group })),
    ...byBuilding.map((group) => ({ dimension: 'building' as const, ...group })),
  ].filter(
    (group) =>
      group.group !== UNKNOWN &&
      group.residents >= 5 &&
      group.participants / group.residents < overall,
  );
  return candidates
    .sort(
      (a, b) =>
        a.participants / a.residents - b.participants / b.residents || b.residents - a.residents,
    )
    .slice(0, CALLOUT_GROUPS)
    .map((group) => ({
      dimension: group.dimension,
      group: group.group,
      residents: smallGroupCell(group.residents),
      participants: smallGroupCell(group.participants),
      rate: rateCell(group.participants, group.residents),
      overallRate: rateCell(total.participants, total.residents),
    }));
}
