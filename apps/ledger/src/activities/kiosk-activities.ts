import type { Database } from '@tally/db/schema';
import type { KioskActivity, UpcomingActivity } from '@tally/domain/activities';
import { isFull, isInvited, signUpRefusal } from '@tally/domain/activity-rules';
import type { ServiceCategory } from '@tally/domain/categories';
import { DomainError } from '@tally/domain/errors';
import { type Kysely, sql } from 'kysely';
import type { ResidentSession } from '../auth/actors';
import { activityNotFound, campaignTerms, counted, toInvite } from './activity-rows';

/** How long after it ended a resident still finds an activity among their sign-ups. */
const MY_SIGN_UPS_DAYS = 30;

/**
 * Published activities that have not ended, soonest first, each saying whether the identified
 * resident can sign up and, if not, why. Seeing them is noted (once per activity): the first
 * stage of the willingness report.
 */
export async function kioskActivities(
  db: Kysely<Database>,
  session: Pick<ResidentSession, 'communityId' | 'residentId'>,
): Promise<KioskActivity[]> {
  const { communityId, residentId } = session;
  const resident = await residentGroup(db, session);
  const rows = await kioskActivityRows(db, session)
    .where('a.status', '=', 'published')
    .where('a.ends_at', '>', sql<Date>`now()`)
    .orderBy('a.starts_at')
    .orderBy('a.id')
    .limit(100)
    .execute();
  await noteViewed(db, { communityId, residentId, activityIds: rows.map((row) => row.id) });
  return rows.map((row) => toKioskActivity(row, resident));
}

/**
 * One activity as the resident sees it (the phone opens it from a poster's QR code): published,
 * cancelled or closed, never a draft. Opening it notes it as seen.
 */
export async function oneActivity(
  db: Kysely<Database>,
  session: Pick<ResidentSession, 'communityId' | 'residentId'>,
  activityId: string,
): Promise<KioskActivity> {
  const { communityId, residentId } = session;
  const resident = await residentGroup(db, session);
  const row = await kioskActivityRows(db, session)
    .where('a.id', '=', activityId)
    .where('a.status', '<>', 'draft')
    .executeTakeFirst();
  if (!row) throw activityNotFound();
  await noteViewed(db, { communityId, residentId, activityIds: [row.id] });
  return toKioskActivity(row, resident);
}

/**
 * Published activities that have not ended, soonest first, as the kiosk's idle screen shows
 * them to anyone passing: nobody is identified, so nothing is noted as seen.
 */
export async function upcomingActivities(
  db: Kysely<Database>,
  { communityId }: { communityId: string },
  limit = 12,
): Promise<UpcomingActivity[]> {
  const rows = await kioskActivityRows(db, { communityId, residentId: null })
    .where('a.status', '=', 'published')
    .where('a.ends_at', '>', sql<Date>`now()`)
    .orderBy('a.starts_at')
    .orderBy('a.id')
    .limit(limit)
    .execute();
  return rows.map((row) => {
    const activity = toKioskActivity(row, { birthYear: null, building: null });
    return {
      id: activity.id,
      organizationName: activity.organizationName,
      title: activity.title,
      category: activity.category,
      place: activity.place,
      startsAt: activity.startsAt,
      endsAt: activity.endsAt,
      signUpOpensAt: activity.signUpOpensAt,
      slots: activity.slots,
      slotsLeft: activity.slotsLeft,
      waitingList: activity.waitingList,
      campaign: activity.campaign,
      invite: activity.invite,
    };
  });
}

/** The resident saw these activities (kept once, the first time): the report's first stage. */
export async function noteViewed(
  db: Kysely<Database>,
  {
    communityId,
    residentId,
    activityIds,
  }: { communityId: string; residentId: string; activityIds: string[] },
): Promise<void> {
  if (activityIds.length === 0) return;
  await db
    .insertInto('activity_views')
    .values(
      activityIds.map((activityId) => ({
        community_id: communityId,
        activity_id: activityId,
        resident_id: residentId,
      })),
    )
    .onConflict((oc) => oc.columns(['community_id', 'activity_id', 'resident_id']).doNothing())
    .execute();
}

/**
 * The identified resident's sign-ups (places, waits, and places they never came to) for
 * activities not long over, soonest first: a cancelled activity shows here with its reason.
 */
export async function mySignUps(
  db: Kysely<Database>,
  session: Pick<ResidentSession, 'communityId' | 'residentId'>,
): Promise<KioskActivity[]> {
  const resident = await residentGroup(db, session);
  const rows = await kioskActivityRows(db, session)
    .where('u.status', 'in', ['signed_up', 'waitlisted', 'no_show'])
    .where('a.ends_at', '>', sql<Date>`now() - make_interval(days => ${MY_SIGN_UPS_DAYS})`)
    .orderBy('a.starts_at')
    .orderBy('a.id')
    .limit(100)
    .execute();
  return rows.map((row) => toKioskActivity(row, resident));
}

type ResidentGroup = { birthYear: number | null; building: string | null };

async function residentGroup(
  db: Kysely<Database>,
  { communityId, residentId }: Pick<ResidentSession, 'communityId' | 'residentId'>,
): Promise<ResidentGroup> {
  const row = await db
    .selectFrom('residents')
    .select(['birth_year', 'building'])
    .where('community_id', '=', communityId)
    .where('id', '=', residentId)
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', 'That resident could not be found.');
  return { birthYear: row.birth_year, building: row.building };
}

/** Activities with the resident's own sign-up and check-in (none when `residentId` is null). */
function kioskActivityRows(
  db: Kysely<Database>,
  { communityId, residentId }: { communityId: string; residentId: string | null },
) {
  return db
    .selectFrom('activities as a')
    .innerJoin('organizations as o', (j) =>
      j.onRef('o.community_id', '=', 'a.community_id').onRef('o.id', '=', 'a.organization_id'),
    )
    .innerJoin('communities as c', 'c.id', 'a.community_id')
    .leftJoin('activity_sign_ups as u', (j) =>
      j
        .onRef('u.community_id', '=', 'a.community_id')
        .onRef('u.activity_id', '=', 'a.id')
        .on('u.resident_id', '=', residentId),
    )
    .leftJoin('phone_sessions as ps', (j) =>
      j.onRef('ps.community_id', '=', 'u.community_id').onRef('ps.id', '=', 'u.by_phone_session'),
    )
    .leftJoin('residents as pr', (j) =>
      j.onRef('pr.community_id', '=', 'ps.community_id').onRef('pr.id', '=', 'ps.resident_id'),
    )
    .leftJoin('family_members as pf', (j) =>
      j.onRef('pf.community_id', '=', 'ps.community_id').onRef('pf.id', '=', 'ps.family_member_id'),
    )
    .leftJoin('activity_attendance as t', (j) =>
      j
        .onRef('t.community_id', '=', 'a.community_id')
        .onRef('t.activity_id', '=', 'a.id')
        .on('t.resident_id', '=', residentId),
    )
    .select([
      'a.id',
      'a.title_zh',
      'a.title_en',
      'a.description_zh',
      'a.description_en',
      'a.category',
      'a.place',
      'a.starts_at',
      'a.ends_at',
      'a.sign_up_opens_at',
      'a.status',
      'a.cancel_reason',
      'a.slots',
      'a.waiting_list',
      'a.invite',
      'o.name_zh as organization_name_zh',
      'o.name_en as organization_name_en',
      'u.status as my_status',
      sql<string | null>`case when ps.resident_id is distinct from u.resident_id
        then coalesce(pr.display_name, pf.name) end`.as('signed_up_by'),
      't.checked_in_at',
      counted('signed_up').as('signed_up'),
      campaignTerms.as('campaign'),
      sql<Date>`now()`.as('now'),
      sql<number>`extract(year from a.starts_at at time zone c.time_zone)::int`.as('year'),
      sql<number | null>`case when u.status = 'waitlisted' then (
        select count(*)::int from activity_sign_ups w
         where w.community_id = u.community_id and w.activity_id = u.activity_id
           and w.status = 'waitlisted' and w.queue_number <= u.queue_number) end`.as(
        'waiting_position',
      ),
    ])
    .where('a.community_id', '=', communityId);
}

type KioskActivityRow = Awaited<
  ReturnType<ReturnType<typeof kioskActivityRows>['executeTakeFirstOrThrow']>
>;

function toKioskActivity(row: KioskActivityRow, resident: ResidentGroup): KioskActivity {
  const mine = row.my_status === 'cancelled' ? null : row.my_status;
  const situation = {
    status: row.status,
    startsAt: row.starts_at,
    signUpOpensAt: row.sign_up_opens_at,
    slots: row.slots,
    waitingList: row.waiting_list,
    signedUp: row.signed_up,
    now: row.now,
  };
  const whyNot = signUpRefusal({
    ...situation,
    mine,
    invited: isInvited(row.invite, resident, row.year),
  });
  return {
    id: row.id,
    organizationName: { zh: row.organization_name_zh, en: row.organization_name_en },
    title: { zh: row.title_zh, en: row.title_en },
    description: { zh: row.description_zh, en: row.description_en },
    category: row.category as ServiceCategory,
    place: row.place,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    signUpOpensAt: row.sign_up_opens_at?.toISOString() ?? null,
    status: row.status,
    cancelReason: row.cancel_reason,
    slots: row.slots,
    slotsLeft: row.slots === null ? null : Math.max(0, row.slots - row.signed_up),
    waitingList: row.waiting_list,
    campaign: toInvite(row.invite, row.campaign)?.campaign ?? null,
    invite: toInvite(row.invite, row.campaign),
    mySignUp: mine
      ? {
          status: mine,
          waitingPosition: row.waiting_position,
          checkedInAt: row.checked_in_at?.toISOString() ?? null,
          signedUpBy: row.signed_up_by,
        }
      : null,
    canSignUp: whyNot === null,
    whyNot,
    joinsWaitingList: whyNot === null && isFull(situation),
    canCancel:
      (mine === 'signed_up' || mine === 'waitlisted') &&
      row.status === 'published' &&
      row.now < row.starts_at,
  };
}
