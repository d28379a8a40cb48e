import type { ActivityChannel, Database, SignUpChannel } from '@tally/db/schema';
import type { CancelSignUpResult, SignUpResult } from '@tally/domain/activities';
import { isFull, isInvited, signUpRefusal } from '@tally/domain/activity-rules';
import { DomainError } from '@tally/domain/errors';
import { sql, type Transaction } from 'kysely';
import { notOpen, signUpRefused } from './activity-refusals';
import { lockActivity } from './activity-rows';

// Places at an activity. Every change to who holds a place runs under the activity's `places`
// lock (activity-rows.ts), taken before anything is counted: two kiosks signing up for the last
// place queue there, and the second sees the first's sign-up. Counting and then inserting
// without it would let both in.

type Who = { communityId: string; activityId: string; residentId: string };
/** Who made the change: a kiosk (the resident) or a member of staff. */
export type Channel = { via: SignUpChannel; byId: string };
/** Where a check-in is made: at the door's kiosk or by staff (never on a resident's phone). */
export type DoorChannel = { via: ActivityChannel; byId: string };

/** Signs the resident up: a place, a place on the waiting list, or a refusal saying why. */
export async function takePlace(
  trx: Transaction<Database>,
  { communityId, activityId, residentId, via, byId }: Who & Channel,
): Promise<SignUpResult> {
  const activity = await lockActivity(trx, { communityId, id: activityId, lock: 'places' });
  const resident = await trx
    .selectFrom('residents')
    .select(['birth_year', 'building'])
    .where('community_id', '=', communityId)
    .where('id', '=', residentId)
    .executeTakeFirst();
  if (!resident) throw new DomainError('NOT_FOUND', 'That resident could not be found.');
  const mine = await signUpOf(trx, { communityId, activityId, residentId });
  const signedUp = await placesTaken(trx, { communityId, activityId });
  const refusal = signUpRefusal({
    status: activity.status,
    startsAt: activity.starts_at,
    signUpOpensAt: activity.sign_up_opens_at,
    slots: activity.slots,
    waitingList: activity.waiting_list,
    signedUp,
    mine: mine === 'cancelled' ? null : mine,
    invited: isInvited(
      activity.invite,
      { birthYear: resident.birth_year, building: resident.building },
      activity.year,
    ),
    now: activity.now,
  });
  if (refusal) throw signUpRefused(refusal, activity);

  const { sign_ups_made: queueNumber } = await trx
    .updateTable('activities')
    .set({ sign_ups_made: sql`sign_ups_made + 1` })
    .where('community_id', '=', communityId)
    .where('id', '=', activityId)
    .returning('sign_ups_made')
    .executeTakeFirstOrThrow();
  const status = isFull({ slots: activity.slots, signedUp }) ? 'waitlisted' : 'signed_up';
  const row = {
    status,
    queue_number: queueNumber,
    via,
    by_staff: via === 'staff' ? byId : null,
    by_kiosk: via === 'kiosk' ? byId : null,
    by_phone_session: via === 'phone' ? byId : null,
    signed_up_at: sql<Date>`now()`,
    moved_up_at: null,
    cancelled_at: null,
  } as const;
  // A resident who cancelled earlier signs up afresh, at the back of any queue.
  await trx
    .insertInto('activity_sign_ups')
    .values({ community_id: communityId, activity_id: activityId, resident_id: residentId, ...row })
    .onConflict((oc) => oc.columns(['community_id', 'activity_id', 'resident_id']).doUpdateSet(row))
    .execute();
  return {
    activityId,
    residentId,
    status,
    waitingPosition:
      status === 'waitlisted'
        ? await waitingPosition(trx, { communityId, activityId, queueNumber })
        : null,
  };
}

/**
 * Gives up the resident's place (or their place on the waiting list) until the activity starts;
 * the first on the waiting list moves up into a freed place. Not signed up: nothing changes.
 */
export async function releasePlace(
  trx: Transaction<Database>,
  { communityId, activityId, residentId }: Who,
): Promise<CancelSignUpResult> {
  const activity = await lockActivity(trx, { communityId, id: activityId, lock: 'places' });
  const mine = await signUpOf(trx, { communityId, activityId, residentId });
  const unchanged = { activityId, residentId, cancelled: false, movedUp: null };
  if (mine !== 'signed_up' && mine !== 'waitlisted') return unchanged;
  if (activity.status === 'closed' || activity.now >= activity.starts_at)
    throw notOpen(activity, 'cancelling a sign-up');
  await trx
    .updateTable('activity_sign_ups')
    .set({ status: 'cancelled', cancelled_at: sql`now()` })
    .where('community_id', '=', communityId)
    .where('activity_id', '=', activityId)
    .where('resident_id', '=', residentId)
    .execute();
  const movedUp =
    mine === 'signed_up' && activity.status === 'published'
      ? await fillFreedPlaces(trx, { communityId, activityId, slots: activity.slots })
      : [];
  return { activityId, residentId, cancelled: true, movedUp: movedUp[0] ?? null };
}

/**
 * Moves residents up from the waiting list, first come first served, into the places free
 * (all of them when there is no longer a limit). Call under the `places` or `terms` lock.
 */
export async function fillFreedPlaces(
  trx: Transaction<Database>,
  {
    communityId,
    activityId,
    slots,
  }: { communityId: string; activityId: string; slots: number | null },
): Promise<string[]> {
  const free =
    slots === null ? null : slots - (await placesTaken(trx, { communityId, activityId }));
  if (free !== null && free <= 0) return [];
  let waiting = trx
    .selectFrom('activity_sign_ups')
    .select('resident_id')
    .where('community_id', '=', communityId)
    .where('activity_id', '=', activityId)
    .where('status', '=', 'waitlisted')
    .orderBy('queue_number');
  if (free !== null) waiting = waiting.limit(free);
  const next = (await waiting.execute()).map((row) => row.resident_id);
  if (next.length === 0) return [];
  await trx
    .updateTable('activity_sign_ups')
    .set({ status: 'signed_up', moved_up_at: sql`now()` })
    .where('community_id', '=', communityId)
    .where('activity_id', '=', activityId)
    .where('resident_id', 'in', next)
    .execute();
  return next;
}

export async function placesTaken(
  trx: Transaction<Database>,
  { communityId, activityId }: { communityId: string; activityId: string },
): Promise<number> {
  const row = await trx
    .selectFrom('activity_sign_ups')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', communityId)
    .where('activity_id', '=', activityId)
    .where('status', '=', 'signed_up')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function signUpOf(trx: Transaction<Database>, { communityId, activityId, residentId }: Who) {
  const row = await trx
    .selectFrom('activity_sign_ups')
    .select('status')
    .where('community_id', '=', communityId)
    .where('activity_id', '=', activityId)
    .where('resident_id', '=', residentId)
    .executeTakeFirst();
  return row?.status ?? null;
}

async function waitingPosition(
  trx: Transaction<Database>,
  {
    communityId,
    activityId,
    queueNumber,
  }: { communityId: string; activityId: string; queueNumber: number },
): Promise<number> {
  const row = await trx
    .selectFrom('activity_sign_ups')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', communityId)
    .where('activity_id', '=', activityId)
    .where('status', '=', 'waitlisted')
    .where('queue_number', '<=', queueNumber)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
