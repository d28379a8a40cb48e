import type { Database } from '@tally/db/schema';
import { ageBandOf, ageBands } from '@tally/domain/age-bands';
import {
  type GovernanceAct,
  type GovernanceGroup,
  type GovernanceParticipation,
  governanceActs,
  rateCell,
  smallGroupCell,
} from '@tally/domain/reports';
import { type Kysely, sql } from 'kysely';
import { localDate } from './counted-service';
import type { ResolvedPeriod } from './report-period';
import type { ReportResident } from './report-residents';

const UNKNOWN = 'unknown';

/** Who did what in governance in the period, one row per resident and kind of act. */
export async function governanceActsIn(
  db: Kysely<Database>,
  {
    communityId,
    timeZone,
    from,
    to,
  }: Pick<ResolvedPeriod, 'communityId' | 'timeZone' | 'from' | 'to'>,
): Promise<{ residentId: string; act: GovernanceAct }[]> {
  const within = (column: string) =>
    sql<boolean>`${localDate(column, timeZone)} between ${from} and ${to}`;
  const raised = db
    .selectFrom('topics')
    .select([sql<string>`raised_by_resident`.as('resident_id'), sql<string>`'raised'`.as('act')])
    .where('community_id', '=', communityId)
    .where('raised_by_resident', 'is not', null)
    .where(within('created_at'));
  const supported = db
    .selectFrom('topic_supports')
    .select(['resident_id', sql<string>`'supported'`.as('act')])
    .where('community_id', '=', communityId)
    .where(within('created_at'));
  const attended = db
    .selectFrom('activity_attendance as aa')
    .innerJoin('activities as a', (j) =>
      j.onRef('a.community_id', '=', 'aa.community_id').onRef('a.id', '=', 'aa.activity_id'),
    )
    .select(['aa.resident_id', sql<string>`'attended'`.as('act')])
    .where('aa.community_id', '=', communityId)
    .where('a.category', '=', 'community_affairs')
    .where(within('a.starts_at'));
  const voted = db
    .selectFrom('poll_voters')
    .select(['resident_id', sql<string>`'voted'`.as('act')])
    .where('community_id', '=', communityId)
    .where(within('voted_at'));
  const rows = await raised.union(supported).union(attended).union(voted).execute();
  return rows.map((row) => ({ residentId: row.resident_id, act: row.act as GovernanceAct }));
}

/** Residents who took part in governance, by age band and building, every small group hidden. */
export function governanceParticipation({
  residents,
  acts,
  year,
}: {
  residents: ReportResident[];
  acts: { residentId: string; act: GovernanceAct }[];
  year: number;
}): GovernanceParticipation {
  const byResident = new Map<string, Set<GovernanceAct>>();
  for (const { residentId, act } of acts) {
    const set = byResident.get(residentId) ?? new Set<GovernanceAct>();
    set.add(act);
    byResident.set(residentId, set);
  }
  const groupBy = (groupOf: (resident: ReportResident) => string, order?: readonly string[]) => {
    const groups = new Map<string, ReportResident[]>(
      (order ?? []).map((group) => [group, [] as ReportResident[]]),
    );
    for (const resident of residents) {
      const key = groupOf(resident);
      groups.set(key, [...(groups.get(key) ?? []), resident]);
    }
    const list = [...groups.entries()].map(([group, members]) => cells(group, members, byResident));
    if (order) return list;
    return list.sort((a, b) =>
      a.group === UNKNOWN
        ? 1
        : b.group === UNKNOWN
          ? -1
          : a.group.localeCompare(b.group, 'en', { numeric: true }),
    );
  };
  return {
    total: cells('all', residents, byResident),
    byAgeBand: groupBy((r) => ageBandOf(r.birthYear, year) ?? UNKNOWN, [...ageBands, UNKNOWN]),
    byBuilding: groupBy((r) => r.building ?? UNKNOWN),
  };
}

function cells(
  group: string,
  members: ReportResident[],
  byResident: Map<string, Set<GovernanceAct>>,
): GovernanceGroup {
  const count = (act: GovernanceAct) =>
    members.filter((member) => byResident.get(member.id)?.has(act)).length;
  const tookPart = members.filter((member) => byResident.has(member.id)).length;
  const counts = Object.fromEntries(
    governanceActs.map((act) => [act, smallGroupCell(count(act))]),
  ) as Record<GovernanceAct, GovernanceGroup['raised']>;
  return {
    group,
    residents: smallGroupCell(members.length),
    ...counts,
    tookPart: smallGroupCell(tookPart),
    rate: rateCell(tookPart, members.length),
  };
}
