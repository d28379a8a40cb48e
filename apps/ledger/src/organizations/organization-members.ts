import type { Database } from '@tally/db/schema';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { recordAudit } from '../common/audit';
import { runIdempotent } from '../common/idempotency';
import { addMember } from './create-organization';
import { assertMayActFor } from './leadership';
import { assertOrganizationExists } from './list-organizations';

type MembershipChange = {
  staff: StaffActor;
  origin: string;
  idempotencyKey: string;
  organizationId: string;
  residentId: string;
};

/**
 * Adds a resident of the community to an organization: the office, or a
 * leader of that organization. Adding a member again changes (and audits)
 * nothing.
 */
export async function addOrganizationMember(
  db: Kysely<Database>,
  { staff, origin, idempotencyKey, organizationId, residentId }: MembershipChange,
): Promise<{ organizationId: string; residentId: string; added: boolean }> {
  assertMayActFor(staff, organizationId);
  const { communityId } = staff;
  return runIdempotent(
    db,
    {
      communityId,
      key: idempotencyKey,
      operation: 'organizations.addMember',
      request: { organizationId, residentId },
    },
    async (trx) => {
      const { added } = await addMember(trx, { communityId, organizationId, residentId });
      if (added) {
        await recordAudit(trx, {
          communityId,
          actor: { type: 'staff', id: staff.id },
          action: 'organizations.addMember',
          target: { type: 'organization', id: organizationId },
          origin,
          details: { residentId },
        });
      }
      return { organizationId, residentId, added };
    },
  );
}

/**
 * Takes a resident off an organization's member list. Their recorded service
 * stays: records name the organization, not the membership.
 */
export async function removeOrganizationMember(
  db: Kysely<Database>,
  { staff, origin, idempotencyKey, organizationId, residentId }: MembershipChange,
): Promise<{ organizationId: string; residentId: string; removed: boolean }> {
  assertMayActFor(staff, organizationId);
  const { communityId } = staff;
  return runIdempotent(
    db,
    {
      communityId,
      key: idempotencyKey,
      operation: 'organizations.removeMember',
      request: { organizationId, residentId },
    },
    async (trx) => {
      await assertOrganizationExists(trx, communityId, organizationId);
      const deleted = await trx
        .deleteFrom('organization_members')
        .where('community_id', '=', communityId)
        .where('organization_id', '=', organizationId)
        .where('resident_id', '=', residentId)
        .returning('resident_id')
        .executeTakeFirst();
      const removed = deleted !== undefined;
      if (removed) {
        await recordAudit(trx, {
          communityId,
          actor: { type: 'staff', id: staff.id },
          action: 'organizations.removeMember',
          target: { type: 'organization', id: organizationId },
          origin,
          details: { residentId },
        });
      }
      return { organizationId, residentId, removed };
    },
  );
}
