import type { Database } from '@tally/db/schema';
import type { StaffActivity } from '@tally/domain/activities';
import { type Kysely, sql } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { runStaffWrite } from '../common/use-case';
import { assertMayActFor } from '../organizations/leadership';
import { notOpen } from './activity-refusals';
import { findStaffActivity, lockActivity } from './activity-rows';

/** Publishes a draft: residents see it at the kiosk, and sign up once sign-up opens. */
export async function publishActivity(
  db: Kysely<Database>,
  {
    staff,
    origin,
    input: { idempotencyKey, id },
  }: { staff: StaffActor; origin: string; input: { idempotencyKey: string; id: string } },
): Promise<StaffActivity> {
  const { communityId } = staff;
  return runStaffWrite(
    db,
    { staff, origin, operation: 'activities.publish', key: idempotencyKey, request: { id } },
    async (trx) => {
      const activity = await lockActivity(trx, { communityId, id, lock: 'terms' });
      assertMayActFor(staff, activity.organization_id);
      if (activity.status === 'published') {
        return { result: await findStaffActivity(trx, { communityId, id }), audit: null };
      }
      if (activity.status !== 'draft') throw notOpen(activity, 'changing');
      await trx
        .updateTable('activities')
        .set({ status: 'published', published_at: sql`now()`, updated_at: sql`now()` })
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .execute();
      return {
        result: await findStaffActivity(trx, { communityId, id }),
        audit: { target: { type: 'activity', id } },
      };
    },
  );
}
