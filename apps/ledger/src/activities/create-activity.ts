import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import type { CreateActivityInput, StaffActivity } from '@tally/domain/activities';
import { DomainError } from '@tally/domain/errors';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { runStaffWrite } from '../common/use-case';
import { assertMayActFor } from '../organizations/leadership';
import { findStaffActivity } from './activity-rows';
import { termColumns } from './activity-terms';

/**
 * A leader (for an organization they lead) or the office drafts an activity. Residents see it
 * once it is published.
 */
export async function createActivity(
  db: Kysely<Database>,
  {
    staff,
    origin,
    input: { idempotencyKey, ...request },
  }: { staff: StaffActor; origin: string; input: CreateActivityInput },
): Promise<StaffActivity> {
  const { communityId } = staff;
  assertMayActFor(staff, request.organizationId);
  return runStaffWrite(
    db,
    { staff, origin, operation: 'activities.create', key: idempotencyKey, request },
    async (trx) => {
      const organization = await trx
        .selectFrom('organizations')
        .select('id')
        .where('community_id', '=', communityId)
        .where('id', '=', request.organizationId)
        .executeTakeFirst();
      if (!organization) {
        throw new DomainError('NOT_FOUND', 'That organization could not be found.');
      }
      const id = randomUUID();
      await trx
        .insertInto('activities')
        .values({
          community_id: communityId,
          id,
          organization_id: request.organizationId,
          created_by: staff.id,
          ...(await termColumns(trx, { communityId, terms: request })),
        })
        .execute();
      const activity = await findStaffActivity(trx, { communityId, id });
      return {
        result: activity,
        audit: {
          target: { type: 'activity', id },
          details: {
            organizationId: request.organizationId,
            title: request.title,
            startsAt: request.startsAt,
            endsAt: request.endsAt,
            slots: request.slots ?? null,
          },
        },
      };
    },
  );
}
