import type { ActivitiesTable, ActivityInvite, Database } from '@tally/db/schema';
import type { ActivityCampaign, StaffActivity } from '@tally/domain/activities';
import type { AgeBand } from '@tally/domain/age-bands';
import type { ServiceCategory } from '@tally/domain/categories';
import { DomainError } from '@tally/domain/errors';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { StaffActor } from '../auth/actors';
import { assertMayActFor } from '../organizations/leadership';

// Reading activities: the row with its organization, its author and its counts, mapped to the
// domain's shapes here and nowhere else; and the locks every change to an activity takes.

export type ActivityRow = Selectable<ActivitiesTable>;

/** How many residents stand where, counted from the sign-ups and the door. */
export function counted(status: 'signed_up' | 'waitlisted' | 'no_show') {
  return sql<number>`(select count(*)::int from activity_sign_ups u
    where u.community_id = a.community_id and u.activity_id = a.id and u.status = ${status})`;
}

/** The campaign an invitation serves, read from the rule version it names. */
export const campaignTerms = sql<z.infer<typeof ActivityCampaign> | null>`(
  select case when r.terms -> 'campaign' is null then null
    else jsonb_build_object('ruleVersion', r.version,
      'bonusPercent', (r.terms -> 'campaign' ->> 'bonusPercent')::int,
      'from', r.terms -> 'campaign' ->> 'from', 'to', r.terms -> 'campaign' ->> 'to') end
  from earning_rules r
  where r.community_id = a.community_id
    and r.version = (a.invite ->> 'campaignRuleVersion')::int)`;

export function activitiesWithCounts(db: Kysely<Database>, communityId: string) {
  return db
    .selectFrom('activities as a')
    .innerJoin('organizations as o', (j) =>
      j.onRef('o.community_id', '=', 'a.community_id').onRef('o.id', '=', 'a.organization_id'),
    )
    .innerJoin('staff_users as s', (j) =>
      j.onRef('s.community_id', '=', 'a.community_id').onRef('s.id', '=', 'a.created_by'),
    )
    .selectAll('a')
    .select([
      'o.name_zh as organization_name_zh',
      'o.name_en as organization_name_en',
      's.display_name as created_by_name',
      counted('signed_up').as('signed_up'),
      counted('waitlisted').as('waitlisted'),
      counted('no_show').as('no_shows'),
      sql<number>`(select count(*)::int from activity_attendance t
        where t.community_id = a.community_id and t.activity_id = a.id)`.as('checked_in'),
      campaignTerms.as('campaign'),
    ])
    .where('a.community_id', '=', communityId);
}

export type CountedActivityRow = Awaited<
  ReturnType<ReturnType<typeof activitiesWithCounts>['executeTakeFirstOrThrow']>
>;

export function toInvite(
  invite: ActivityInvite | null,
  campaign: z.infer<typeof ActivityCampaign> | null,
): StaffActivity['invite'] {
  if (!invite) return null;
  return {
    ageBands: invite.ageBands as AgeBand[],
    buildings: invite.buildings,
    campaign: invite.campaignRuleVersion === null ? null : campaign,
  };
}

export function toStaffActivity(row: CountedActivityRow): StaffActivity {
  return {
    id: row.id,
    organization: {
      id: row.organization_id,
      name: { zh: row.organization_name_zh, en: row.organization_name_en },
    },
    title: { zh: row.title_zh, en: row.title_en },
    description: { zh: row.description_zh, en: row.description_en },
    category: row.category as ServiceCategory,
    place: row.place,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    signUpOpensAt: row.sign_up_opens_at?.toISOString() ?? null,
    slots: row.slots,
    waitingList: row.waiting_list,
    invite: toInvite(row.invite, row.campaign),
    status: row.status,
    cancelReason: row.cancel_reason,
    signedUp: row.signed_up,
    waitlisted: row.waitlisted,
    checkedIn: row.checked_in,
    noShows: row.no_shows,
    createdBy: { id: row.created_by, displayName: row.created_by_name },
    createdAt: row.created_at.toISOString(),
    publishedAt: row.published_at?.toISOString() ?? null,
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
  };
}

export async function findStaffActivity(
  db: Kysely<Database>,
  { communityId, id }: { communityId: string; id: string },
): Promise<StaffActivity> {
  const row = await activitiesWithCounts(db, communityId).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw activityNotFound();
  return toStaffActivity(row);
}

/**
 * The organization of an activity the staff member may run: a leader only one of theirs, the
 * office any in its community. Another community's activity is not found.
 */
export async function organizationStaffMayRun(
  trx: Transaction<Database>,
  { staff, activityId }: { staff: StaffActor; activityId: string },
): Promise<string> {
  const activity = await trx
    .selectFrom('activities')
    .select('organization_id')
    .where('community_id', '=', staff.communityId)
    .where('id', '=', activityId)
    .executeTakeFirst();
  if (!activity) throw activityNotFound();
  assertMayActFor(staff, activity.organization_id);
  return activity.organization_id;
}

export function activityNotFound(): DomainError {
  return new DomainError('NOT_FOUND', 'That activity could not be found.');
}

/**
 * How strongly a change holds the activity's row until it commits:
 * - `terms`: changing the activity itself (update, publish, cancel, close). It waits for every
 *   sign-up and check-in in flight, and they wait for it, so none slips past a closing.
 * - `places`: taking or freeing a place. Sign-ups and cancellations of one activity queue here
 *   one at a time, which is what holds the slots under concurrency; check-ins are not held up.
 * - `door`: checking in or out. Any number at once; only a change of `terms` waits for them.
 */
export type ActivityLock = 'terms' | 'places' | 'door';

/** A locked activity, the database's clock, and the year it takes place in (community time). */
export type LockedActivity = ActivityRow & { now: Date; year: number };

/** The activity, locked as the change needs, with the database's clock for its rules. */
export async function lockActivity(
  trx: Transaction<Database>,
  { communityId, id, lock }: { communityId: string; id: string; lock: ActivityLock },
): Promise<LockedActivity> {
  const query = trx
    .selectFrom('activities')
    .selectAll()
    .select([
      sql<Date>`now()`.as('now'),
      // A subquery, not a join: the lock then holds the activity and nothing else.
      sql<number>`extract(year from starts_at at time zone (
        select c.time_zone from communities c where c.id = activities.community_id))::int`.as(
        'year',
      ),
    ])
    .where('community_id', '=', communityId)
    .where('id', '=', id);
  const locked =
    lock === 'terms'
      ? query.forUpdate()
      : lock === 'places'
        ? query.forNoKeyUpdate()
        : query.forKeyShare();
  const row = await locked.executeTakeFirst();
  if (!row) throw activityNotFound();
  return row;
}
