import type { Database } from '@tally/db/schema';
import type { StaffActivity } from '@tally/domain/activities';
import { type Kysely, sql } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { runStaffWrite } from '../common/use-case';
import { assertMayActFor } from '../organizations/leadership';
import { notOpen } from './activity-refusals';
import { findStaffActivity, lockActivity } from './activity-rows';
import { leaveActivityMode } from './kiosk-mode';

/**
 * Cancels an activity that has not closed, with a reason residents who signed up read at the
 * kiosk. Its sign-ups stay, so they can; nobody signs up or checks in any more, and kiosks at
 * its door go back to their usual mode. Cancelling it again changes nothing.
 */
export async function cancelActivity(
  db: Kysely<Database>,
  {
    staff,
    origin,
    input: { idempotencyKey, id, reason },
  }: {
    staff: StaffActor;
    origin: string;
    input: { idempotencyKey: string; id: string; reason: string };
  },
): Promise<StaffActivity> {
  const { communityId } = staff;
  return runStaffWrite(
    db,
    {
      staff,
      origin,
      operation: 'activities.cancel',
      key: idempotencyKey,
      request: { id, reason },
    },
    async (trx) => {
      const activity = await lockActivity(trx, { communityId, id, lock: 'terms' });
      assertMayActFor(staff, activity.organization_id);
      if (activity.status === 'cancelled') {
        return { result: await findStaffActivity(trx, { communityId, id }), audit: null };
      }
      if (activity.status === 'closed') throw notOpen(activity, 'changing');
      await trx
        .updateTable('activities')
        .set({
          status: 'cancelled',
          cancel_reason: reason,
          cancelled_at: sql`now()`,
          updated_at: sql`now()`,
        })
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .execute();
      await leaveActivityMode(trx, { communityId, activityId: id });
      const cancelled = await findStaffActivity(trx, { communityId, id });
      return {
        result: cancelled,
        audit: {
          target: { type: 'activity', id },
          details: { reason, signedUp: cancelled.signedUp, waitlisted: cancelled.waitlisted },
        },
      };
    },
  );
}
