import type { ActivityInvite, Database } from '@tally/db/schema';
import type { AgeBand } from '@tally/domain/age-bands';
import {
  type ActivityFunnel,
  fraction,
  RETURN_WITHIN_DAYS,
  rateCell,
  smallGroupCell,
  type WillingnessReport,
} from '@tally/domain/reports';
import type { Kysely } from 'kysely';
import { daysBetween } from './calendar';
import { localDate } from './counted-service';
import type { ResolvedPeriod } from './report-period';

// Activities in the participation reports (issue 13): the willingness report's stages — seen at
// a kiosk, signed up, came, came back within 90 days — with the no-show rate, and for the
// organizations report how many activities each ran and how full they were.

type ActivityInPeriod = {
  id: string;
  organizationId: string;
  organizationName: { zh: string; en: string };
  invite: ActivityInvite | null;
  status: string;
  slots: number | null;
};

/** What happened at the activities of the period, resident by resident. */
export type ActivityFacts = {
  activities: ActivityInPeriod[];
  views: { activityId: string; residentId: string }[];
  signUps: { activityId: string; residentId: string; status: string }[];
  attendance: { activityId: string; residentId: string; day: string }[];
  /** Every check-in of the residents who came, at any activity, to see who came back. */
  laterDays: Map<string, string[]>;
};

/** Activities that started in the period (community days), drafts and cancelled ones aside. */
export async function activityFacts(
  db: Kysely<Database>,
  period: ResolvedPeriod,
): Promise<ActivityFacts> {
  const { communityId, timeZone } = period;
  let query = db
    .selectFrom('activities as a')
    .innerJoin('organizations as o', (j) =>
      j.onRef('o.community_id', '=', 'a.community_id').onRef('o.id', '=', 'a.organization_id'),
    )
    .select([
      'a.id',
      'a.organization_id',
      'a.invite',
      'a.status',
      'a.slots',
      'o.name_zh',
      'o.name_en',
    ])
    .where('a.community_id', '=', communityId)
    .where('a.status', 'in', ['published', 'closed'])
    .where(localDate('a.starts_at', timeZone), '>=', period.from)
    .where(localDate('a.starts_at', timeZone), '<=', period.to)
    .orderBy('a.starts_at');
  if (period.organizationId) query = query.where('a.organization_id', '=', period.organizationId);
  const activities = (await query.execute()).map((row) => ({
    id: row.id,
    organizationId: row.organization_id,
    organizationName: { zh: row.name_zh, en: row.name_en },
    invite: row.invite,
    status: row.status,
    slots: row.slots,
  }));
  const empty = { activities, views: [], signUps: [], attendance: [], laterDays: new Map() };
  if (activities.length === 0) return empty;
  const ids = activities.map((a) => a.id);
  const [views, signUps, everyCheckIn] = await Promise.all([
    db
      .selectFrom('activity_views')
      .select(['activity_id', 'resident_id'])
      .where('community_id', '=', communityId)
      .where('activity_id', 'in', ids)
      .execute(),
    db
      .selectFrom('activity_sign_ups')
      .select(['activity_id', 'resident_id', 'status'])
      .where('community_id', '=', communityId)
      .where('activity_id', 'in', ids)
      .where('status', '<>', 'cancelled')
      .execute(),
    // Check-ins at any activity, later ones included, of those who came to one of these.
    db
      .selectFrom('activity_attendance as t')
      .innerJoin('activities as a', (j) =>
        j.onRef('a.community_id', '=', 't.community_id').onRef('a.id', '=', 't.activity_id'),
      )
      .select(['t.activity_id', 't.resident_id', localDate('a.starts_at', timeZone).as('day')])
      .where('t.community_id', '=', communityId)
      .where('t.resident_id', 'in', (eb) =>
        eb
          .selectFrom('activity_attendance')
          .select('resident_id')
          .where('community_id', '=', communityId)
          .where('activity_id', 'in', ids),
      )
      .execute(),
  ]);
  const inPeriod = new Set(ids);
  const laterDays = new Map<string, string[]>();
  for (const row of everyCheckIn) {
    laterDays.set(row.resident_id, [...(laterDays.get(row.resident_id) ?? []), row.day]);
  }
  return {
    activities,
    views: views.map((v) => ({ activityId: v.activity_id, residentId: v.resident_id })),
    signUps: signUps.map((u) => ({
      activityId: u.activity_id,
      residentId: u.resident_id,
      status: u.status,
    })),
    attendance: everyCheckIn
      .filter((row) => inPeriod.has(row.activity_id))
      .map((row) => ({ activityId: row.activity_id, residentId: row.resident_id, day: row.day })),
    laterDays,
  };
}

/** The willingness report's activity stages: in all, per organization, per invited group. */
export function activityStages(facts: ActivityFacts): WillingnessReport['activities'] {
  const { activities } = facts;
  const byOrganization = new Map<string, ActivityInPeriod[]>();
  const byGroup = new Map<string, ActivityInPeriod[]>();
  for (const activity of activities) {
    const own = byOrganization.get(activity.organizationId) ?? [];
    byOrganization.set(activity.organizationId, [...own, activity]);
    const group = groupName(activity.invite);
    byGroup.set(group, [...(byGroup.get(group) ?? []), activity]);
  }
  return {
    total: funnelOf(facts, activities),
    byOrganization: [...byOrganization.values()].map((own) => ({
      id: own[0]?.organizationId ?? '',
      name: own[0]?.organizationName ?? { zh: '', en: '' },
      ...funnelOf(facts, own),
    })),
    byInvitedGroup: [...byGroup.entries()].map(([group, own]) => ({
      group,
      ageBands: (own[0]?.invite?.ageBands ?? []) as AgeBand[],
      buildings: own[0]?.invite?.buildings ?? [],
      ...funnelOf(facts, own),
    })),
  };
}

/** `everyone`, or the bands and buildings an activity was limited to, e.g. `under_30 + 7`. */
function groupName(invite: ActivityInvite | null): string {
  const parts = [...[...(invite?.ageBands ?? [])].sort(), ...[...(invite?.buildings ?? [])].sort()];
  return parts.length === 0 ? 'everyone' : parts.join(' + ');
}

function funnelOf(facts: ActivityFacts, activities: ActivityInPeriod[]): ActivityFunnel {
  const ids = new Set(activities.map((a) => a.id));
  const closed = new Set(activities.filter((a) => a.status === 'closed').map((a) => a.id));
  const residents = (rows: { activityId: string; residentId: string }[]) =>
    new Set(rows.filter((row) => ids.has(row.activityId)).map((row) => row.residentId));
  const attendance = facts.attendance.filter((row) => ids.has(row.activityId));
  const firstDay = new Map<string, string>();
  for (const row of attendance) {
    const known = firstDay.get(row.residentId);
    if (!known || row.day < known) firstDay.set(row.residentId, row.day);
  }
  const cameBack = [...firstDay].filter(([residentId, first]) =>
    (facts.laterDays.get(residentId) ?? []).some((day) => {
      const after = daysBetween(first, day);
      return after > 0 && after <= RETURN_WITHIN_DAYS;
    }),
  );
  const held = facts.signUps.filter(
    (u) => closed.has(u.activityId) && (u.status === 'signed_up' || u.status === 'no_show'),
  );
  const noShows = held.filter((u) => u.status === 'no_show').length;
  return {
    activities: activities.length,
    viewed: smallGroupCell(residents(facts.views).size),
    signedUp: smallGroupCell(residents(facts.signUps).size),
    attended: smallGroupCell(firstDay.size),
    cameBackWithin90Days: smallGroupCell(cameBack.length),
    noShowRate: closed.size === 0 ? null : rateCell(noShows, held.length),
  };
}

/** Per organization: the activities it ran and closed, and how full those with places were. */
export function activitiesRun(
  facts: ActivityFacts,
  organizationId: string,
): { activitiesRun: number; fillRate: ReturnType<typeof smallGroupCell> | null } {
  const run = facts.activities.filter(
    (a) => a.organizationId === organizationId && a.status === 'closed',
  );
  const limited = run.filter((a) => a.slots !== null);
  const offered = limited.reduce((sum, a) => sum + (a.slots ?? 0), 0);
  const limitedIds = new Set(limited.map((a) => a.id));
  const taken = facts.signUps.filter(
    (u) => limitedIds.has(u.activityId) && (u.status === 'signed_up' || u.status === 'no_show'),
  ).length;
  return {
    activitiesRun: run.length,
    fillRate: limited.length === 0 ? null : smallGroupCell(taken, fraction(taken, offered)),
  };
}
