import type { Database } from '@tally/db/schema';
import type { StaffActivity, UpdateActivityInput } from '@tally/domain/activities';
import { DomainError } from '@tally/domain/errors';
import { type Kysely, sql } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { changedTexts } from '../common/changed-texts';
import { runStaffWrite } from '../common/use-case';
import { assertMayActFor } from '../organizations/leadership';
import { notOpen } from './activity-refusals';
import { findStaffActivity, lockActivity } from './activity-rows';
import { termColumns } from './activity-terms';
import { fillFreedPlaces, placesTaken } from './places';

/**
 * Changes a draft's or a published activity's terms (a cancelled or closed one keeps them).
 * Places cannot drop below the residents holding one; new places go to the waiting list, first
 * come first served.
 */
export async function updateActivity(
  db: Kysely<Database>,
  {
    staff,
    origin,
    input: { idempotencyKey, id, ...terms },
  }: { staff: StaffActor; origin: string; input: UpdateActivityInput },
): Promise<StaffActivity> {
  const { communityId } = staff;
  return runStaffWrite(
    db,
    {
      staff,
      origin,
      operation: 'activities.update',
      key: idempotencyKey,
      request: { id, ...terms },
    },
    async (trx) => {
      const activity = await lockActivity(trx, { communityId, id, lock: 'terms' });
      assertMayActFor(staff, activity.organization_id);
      if (activity.status === 'cancelled' || activity.status === 'closed')
        throw notOpen(activity, 'changing');
      const holding = await placesTaken(trx, { communityId, activityId: id });
      if (terms.slots !== undefined && terms.slots < holding) {
        throw new DomainError(
          'VALIDATION_FAILED',
          `slots: ${holding} residents hold a place already; cancel sign-ups first`,
        );
      }
      await trx
        .updateTable('activities')
        .set({ ...(await termColumns(trx, { communityId, terms })), updated_at: sql`now()` })
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .execute();
      const movedUp =
        activity.status === 'published'
          ? await fillFreedPlaces(trx, { communityId, activityId: id, slots: terms.slots ?? null })
          : [];
      const changed = [
        ...changedTexts({
          title: { before: { zh: activity.title_zh, en: activity.title_en }, after: terms.title },
          description: {
            before: { zh: activity.description_zh, en: activity.description_en },
            after: terms.description,
          },
        }),
        ...(Date.parse(terms.startsAt) !== activity.starts_at.getTime() ? ['startsAt'] : []),
        ...(Date.parse(terms.endsAt) !== activity.ends_at.getTime() ? ['endsAt'] : []),
        ...((terms.slots ?? null) !== activity.slots ? ['slots'] : []),
        ...(terms.place !== activity.place ? ['place'] : []),
      ];
      return {
        result: await findStaffActivity(trx, { communityId, id }),
        audit: {
          target: { type: 'activity', id },
          details: { changed, ...(movedUp.length > 0 ? { movedUp } : {}) },
        },
      };
    },
  );
}
