import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { Organization } from '@tally/domain/organizations';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { runStaffWrite } from '../common/use-case';
import { assertOrganizationExists, getOrganization } from './list-organizations';

/**
 * The office names who leads an organization: the complete new set of leaders,
 * each a member of staff of this community with the leader role. A leader's
 * reach changes on their next request (leadership is read per request).
 */
export async function setLeaders(
  db: Kysely<Database>,
  {
    staff,
    origin,
    idempotencyKey,
    organizationId,
    staffIds,
  }: {
    staff: StaffActor;
    origin: string;
    idempotencyKey: string;
    organizationId: string;
    staffIds: string[];
  },
): Promise<Organization> {
  const { communityId } = staff;
  const leaderIds = [...new Set(staffIds)].sort();
  return runStaffWrite(
    db,
    {
      staff,
      origin,
      operation: 'organizations.setLeaders',
      key: idempotencyKey,
      request: { organizationId, staffIds: leaderIds },
    },
    async (trx) => {
      await assertOrganizationExists(trx, communityId, organizationId);
      if (leaderIds.length > 0) {
        const found = await trx
          .selectFrom('staff_users')
          .select(['id', 'role'])
          .where('community_id', '=', communityId)
          .where('id', 'in', leaderIds)
          .execute();
        if (found.length !== leaderIds.length) {
          throw new DomainError('NOT_FOUND', 'One of those staff members could not be found.');
        }
        if (found.some((user) => user.role !== 'leader')) {
          throw new DomainError(
            'VALIDATION_FAILED',
            'staffIds: only staff with the leader role lead organizations',
          );
        }
      }
      await trx
        .deleteFrom('organization_leaders')
        .where('community_id', '=', communityId)
        .where('organization_id', '=', organizationId)
        .execute();
      if (leaderIds.length > 0) {
        await trx
          .insertInto('organization_leaders')
          .values(
            leaderIds.map((id) => ({
              community_id: communityId,
              organization_id: organizationId,
              staff_id: id,
            })),
          )
          .execute();
      }
      return {
        result: await getOrganization(trx, { communityId, id: organizationId }),
        audit: {
          target: { type: 'organization', id: organizationId },
          details: { staffIds: leaderIds },
        },
      };
    },
  );
}
