import type { Database } from '@tally/db/schema';
import {
  CHECK_IN_OPENS_MINUTES_BEFORE,
  type CheckInResult,
  type CheckOutResult,
} from '@tally/domain/activities';
import { attendedMinutes } from '@tally/domain/activity-rules';
import { DomainError } from '@tally/domain/errors';
import { sql, type Transaction } from 'kysely';
import { notOpen } from './activity-refusals';
import { type LockedActivity, lockActivity } from './activity-rows';
import type { DoorChannel } from './places';

// The door of an activity: checking residents in and out. Both are idempotent by nature as well
// as by key: a resident is checked in once (the first time stands) and out once. Nothing is
// credited here; closing the activity writes the pending records.

type AtDoor = { communityId: string; activityId: string; residentId: string };

/** The activity, held open against closing while the door changes, if its door is open now. */
async function openDoor(
  trx: Transaction<Database>,
  { communityId, activityId }: { communityId: string; activityId: string },
): Promise<LockedActivity> {
  const activity = await lockActivity(trx, { communityId, id: activityId, lock: 'door' });
  if (activity.status !== 'published') throw notOpen(activity, 'check-in');
  const opens = activity.starts_at.getTime() - CHECK_IN_OPENS_MINUTES_BEFORE * 60_000;
  if (activity.now.getTime() < opens) throw notOpen(activity, 'check-in');
  return activity;
}

/**
 * Checks the resident in: signed up or not (a walk-in, or someone still waiting for a place).
 * A resident already in keeps their first check-in.
 */
export async function checkInAtDoor(
  trx: Transaction<Database>,
  { communityId, activityId, residentId, via, byId }: AtDoor & DoorChannel,
): Promise<CheckInResult> {
  await openDoor(trx, { communityId, activityId });
  const signUp = await trx
    .selectFrom('activity_sign_ups')
    .select('status')
    .where('community_id', '=', communityId)
    .where('activity_id', '=', activityId)
    .where('resident_id', '=', residentId)
    .executeTakeFirst();
  const inserted = await trx
    .insertInto('activity_attendance')
    .values({
      community_id: communityId,
      activity_id: activityId,
      resident_id: residentId,
      via,
      by_staff: via === 'staff' ? byId : null,
      by_kiosk: via === 'kiosk' ? byId : null,
      walk_in: signUp?.status !== 'signed_up',
    })
    .onConflict((oc) => oc.columns(['community_id', 'activity_id', 'resident_id']).doNothing())
    .returning('resident_id')
    .executeTakeFirst();
  const row = await attendanceAtDoor(trx, { communityId, activityId, residentId });
  return {
    activityId,
    residentId,
    displayName: row.display_name,
    checkedInAt: row.checked_in_at.toISOString(),
    localTime: row.checked_in_time,
    walkIn: row.walk_in,
    alreadyCheckedIn: inserted === undefined,
  };
}

/** Checks the resident out; one not checked in is NOT_CHECKED_IN. The first check-out stands. */
export async function checkOutAtDoor(
  trx: Transaction<Database>,
  { communityId, activityId, residentId }: AtDoor,
): Promise<CheckOutResult> {
  const activity = await openDoor(trx, { communityId, activityId });
  const checkedOut = await trx
    .updateTable('activity_attendance')
    .set({ checked_out_at: sql`greatest(now(), checked_in_at)` })
    .where('community_id', '=', communityId)
    .where('activity_id', '=', activityId)
    .where('resident_id', '=', residentId)
    .where('checked_out_at', 'is', null)
    .returning('resident_id')
    .executeTakeFirst();
  const row = await attendanceAtDoor(trx, { communityId, activityId, residentId });
  const checkedOutAt = row.checked_out_at ?? activity.now;
  return {
    activityId,
    residentId,
    displayName: row.display_name,
    checkedInAt: row.checked_in_at.toISOString(),
    checkedOutAt: checkedOutAt.toISOString(),
    localTime: row.checked_out_time ?? row.checked_in_time,
    minutes: attendedMinutes({
      startsAt: activity.starts_at,
      endsAt: activity.ends_at,
      checkedInAt: row.checked_in_at,
      checkedOutAt,
    }),
    alreadyCheckedOut: checkedOut === undefined,
  };
}

/** The resident at the door: their name and times, the times also as the community's clock shows. */
async function attendanceAtDoor(
  trx: Transaction<Database>,
  { communityId, activityId, residentId }: AtDoor,
) {
  const clock = <T extends string | null>(column: string) =>
    sql<T>`to_char(${sql.ref(column)} at time zone c.time_zone, 'HH24:MI')`;
  const row = await trx
    .selectFrom('activity_attendance as t')
    .innerJoin('residents as r', (j) =>
      j.onRef('r.community_id', '=', 't.community_id').onRef('r.id', '=', 't.resident_id'),
    )
    .innerJoin('communities as c', 'c.id', 't.community_id')
    .select([
      'r.display_name',
      't.checked_in_at',
      't.checked_out_at',
      't.walk_in',
      clock<string>('t.checked_in_at').as('checked_in_time'),
      clock<string | null>('t.checked_out_at').as('checked_out_time'),
    ])
    .where('t.community_id', '=', communityId)
    .where('t.activity_id', '=', activityId)
    .where('t.resident_id', '=', residentId)
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_CHECKED_IN');
  return row;
}
