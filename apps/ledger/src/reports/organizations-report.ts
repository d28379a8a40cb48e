import type { Database } from '@tally/db/schema';
import {
  type OrganizationHealth,
  type OrganizationsReport,
  type ReportInput,
  smallGroupCell,
} from '@tally/domain/reports';
import { minutesToHours } from '@tally/domain/units';
import { type Kysely, sql } from 'kysely';
import { type ActivityFacts, activitiesRun, activityFacts } from './activity-stages';
import { daysBetween, monthsOf } from './calendar';
import { type CountedRecord, countedService, localDate } from './counted-service';
import { type ResolvedPeriod, resolveReportPeriod, statedPeriod } from './report-period';

type Organization = { id: string; name_zh: string; name_en: string };
type Membership = { organizationId: string; residentId: string; joinedOn: string };
type LastLogged = { organizationId: string; at: Date; on: string };

/** Each organization's health: members, who is active, who joined, hours, and its leader's pulse. */
export async function organizationsReport(
  db: Kysely<Database>,
  { communityId, input }: { communityId: string; input: ReportInput },
): Promise<OrganizationsReport> {
  const period = await resolveReportPeriod(db, { communityId, input });
  const [organizations, memberships, records, lastLogged, activities] = await Promise.all([
    organizationsOf(db, period),
    membershipsOf(db, period),
    countedService(db, period),
    leadersLastLogged(db, period),
    activityFacts(db, period),
  ]);
  return buildOrganizationsReport({
    period,
    organizations,
    memberships,
    records,
    lastLogged,
    activities,
  });
}

export function buildOrganizationsReport({
  period,
  organizations,
  memberships,
  records,
  lastLogged,
  activities,
}: {
  period: ResolvedPeriod;
  organizations: Organization[];
  memberships: Membership[];
  records: CountedRecord[];
  lastLogged: LastLogged[];
  activities: ActivityFacts;
}): OrganizationsReport {
  const months = monthsOf(period.from, period.to);
  return {
    period: statedPeriod(period),
    months,
    organizations: organizations.map((organization): OrganizationHealth => {
      const members = memberships.filter(
        (m) => m.organizationId === organization.id && m.joinedOn <= period.to,
      );
      const own = records.filter((r) => r.organizationId === organization.id);
      const activity = (rows: CountedRecord[]) => {
        const active = new Set(rows.map((r) => r.residentId)).size;
        const minutes = rows.reduce((sum, r) => sum + r.minutes, 0);
        return {
          activeMembers: smallGroupCell(active),
          hours: smallGroupCell(active, minutesToHours(minutes)),
        };
      };
      const last = lastLogged.find((l) => l.organizationId === organization.id);
      return {
        id: organization.id,
        name: { zh: organization.name_zh, en: organization.name_en },
        members: smallGroupCell(members.length),
        ...activity(own),
        newMembers: smallGroupCell(members.filter((m) => m.joinedOn >= period.from).length),
        trend: months.map((month) => ({
          month,
          ...activity(own.filter((r) => r.serviceDate.startsWith(month))),
        })),
        leaderLastLoggedAt: last ? last.at.toISOString() : null,
        daysSinceLeaderLogged: last ? Math.max(0, daysBetween(last.on, period.today)) : null,
        ...activitiesRun(activities, organization.id),
      };
    }),
  };
}

function organizationsOf(db: Kysely<Database>, period: ResolvedPeriod): Promise<Organization[]> {
  let query = db
    .selectFrom('organizations')
    .select(['id', 'name_zh', 'name_en'])
    .where('community_id', '=', period.communityId);
  if (period.organizationId) query = query.where('id', '=', period.organizationId);
  return query.orderBy('name_zh').orderBy('name_en').execute();
}

async function membershipsOf(db: Kysely<Database>, period: ResolvedPeriod): Promise<Membership[]> {
  const rows = await db
    .selectFrom('organization_members')
    .select([
      'organization_id',
      'resident_id',
      localDate('joined_at', period.timeZone).as('joined_on'),
    ])
    .where('community_id', '=', period.communityId)
    .execute();
  return rows.map((row) => ({
    organizationId: row.organization_id,
    residentId: row.resident_id,
    joinedOn: row.joined_on,
  }));
}

/** When a current leader of each organization last logged service for it (at any time). */
async function leadersLastLogged(
  db: Kysely<Database>,
  period: ResolvedPeriod,
): Promise<LastLogged[]> {
  const rows = await db
    .selectFrom('service_records as s')
    .innerJoin('organization_leaders as l', (join) =>
      join
        .onRef('l.community_id', '=', 's.community_id')
        .onRef('l.organization_id', '=', 's.organization_id')
        .onRef('l.staff_id', '=', 's.logged_by'),
    )
    .select(['s.organization_id', sql<Date>`max(s.logged_at)`.as('at')])
    .where('s.community_id', '=', period.communityId)
    .groupBy('s.organization_id')
    .execute();
  return rows.map((row) => {
    const at = new Date(row.at);
    return {
      organizationId: row.organization_id,
      at,
      on: new Intl.DateTimeFormat('en-CA', { timeZone: period.timeZone }).format(at),
    };
  });
}
