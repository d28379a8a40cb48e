import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { Kiosk } from '@tally/domain/kiosks';
import type { Kysely } from 'kysely';
import { notOpen } from '../activities/activity-refusals';
import { lockActivity } from '../activities/activity-rows';
import type { StaffActor } from '../auth/actors';
import { runStaffWrite } from '../common/use-case';
import { findKiosk } from './list-kiosks';

/**
 * The office switches a kiosk into activity mode for one published activity (it then checks
 * residents in at that door) or, with null, back to its usual screens. Closing or cancelling
 * the activity switches it back too. Asking for the mode it is in changes nothing.
 */
export async function setActivityMode(
  db: Kysely<Database>,
  {
    staff,
    origin,
    input: { idempotencyKey, kioskId, activityId },
  }: {
    staff: StaffActor;
    origin: string;
    input: { idempotencyKey: string; kioskId: string; activityId: string | null };
  },
): Promise<Kiosk> {
  const { communityId } = staff;
  return runStaffWrite(
    db,
    {
      staff,
      origin,
      operation: 'kiosks.setActivityMode',
      key: idempotencyKey,
      request: { kioskId, activityId },
    },
    async (trx) => {
      const kiosk = await trx
        .selectFrom('kiosks')
        .select(['activity_id', 'revoked_at'])
        .where('community_id', '=', communityId)
        .where('id', '=', kioskId)
        .forUpdate()
        .executeTakeFirst();
      if (!kiosk) throw new DomainError('NOT_FOUND', 'That kiosk could not be found.');
      if (kiosk.revoked_at) throw new DomainError('NOT_FOUND', 'That kiosk was revoked.');
      if (activityId !== null) {
        // Held against closing until this commits, so a kiosk never keeps a closed door.
        const activity = await lockActivity(trx, { communityId, id: activityId, lock: 'door' });
        if (activity.status !== 'published') throw notOpen(activity, 'changing');
      }
      if (kiosk.activity_id === activityId) {
        return { result: await findKiosk(trx, { communityId, id: kioskId }), audit: null };
      }
      await trx
        .updateTable('kiosks')
        .set({ activity_id: activityId })
        .where('community_id', '=', communityId)
        .where('id', '=', kioskId)
        .execute();
      return {
        result: await findKiosk(trx, { communityId, id: kioskId }),
        audit: {
          target: { type: 'kiosk', id: kioskId },
          details: { activityId, previousActivityId: kiosk.activity_id },
        },
      };
    },
  );
}
