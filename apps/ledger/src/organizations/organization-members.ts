import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import type { AddMemberOutput } from '@tally/domain/organizations';
import type { Kysely, Transaction } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { type Audited, runStaffWrite } from '../common/use-case';
import { closeInvitation, lockPendingInvitationFor } from '../invitations/close-invitation';
import { assertMembershipParties, insertMembership } from './create-organization';
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
 * Adds a resident of the community to an organization. The office adds them at once (its
 * approval, which also closes any invitation waiting for them); a leader of that organization
 * invites them instead, and they join once they accept at a kiosk or the office approves.
 * Asking again changes (and audits) nothing.
 */
export async function addOrganizationMember(
  db: Kysely<Database>,
  { staff, origin, idempotencyKey, organizationId, residentId }: MembershipChange,
): Promise<AddMemberOutput> {
  assertMayActFor(staff, organizationId);
  const { communityId } = staff;
  return runStaffWrite(
    db,
    {
      staff,
      origin,
      // A leader's add is an invitation, claimed and audited as one.
      operation: staff.role === 'office' ? 'organizations.addMember' : 'organizations.invite',
      key: idempotencyKey,
      request: { organizationId, residentId },
    },
    async (trx) => {
      const membership = { communityId, organizationId, residentId };
      await assertMembershipParties(trx, membership);
      return staff.role === 'office'
        ? addMemberAsOffice(trx, { staff, ...membership })
        : inviteResident(trx, { staff, ...membership });
    },
  );
}

type MembershipInTransaction = {
  staff: StaffActor;
  communityId: string;
  organizationId: string;
  residentId: string;
};

async function addMemberAsOffice(
  trx: Transaction<Database>,
  { staff, communityId, organizationId, residentId }: MembershipInTransaction,
): Promise<Audited<AddMemberOutput>> {
  const pending = await lockPendingInvitationFor(trx, { communityId, organizationId, residentId });
  const { added } = pending
    ? await closeInvitation(trx, {
        communityId,
        invitation: pending,
        status: 'joined',
        via: 'office',
        staffId: staff.id,
      })
    : await insertMembership(trx, { communityId, organizationId, residentId });
  return {
    result: {
      organizationId,
      residentId,
      added,
      invited: false,
      status: 'member',
      invitationId: pending?.id ?? null,
    },
    audit:
      added || pending
        ? {
            target: { type: 'organization', id: organizationId },
            details: pending ? { residentId, invitationId: pending.id } : { residentId },
          }
        : null,
  };
}

/** A leader's request: an invitation the resident answers (or the office approves). */
async function inviteResident(
  trx: Transaction<Database>,
  { staff, communityId, organizationId, residentId }: MembershipInTransaction,
): Promise<Audited<AddMemberOutput>> {
  const unchanged = { organizationId, residentId, added: false, invited: false } as const;
  if (await isMember(trx, { communityId, organizationId, residentId })) {
    return { result: { ...unchanged, status: 'member', invitationId: null }, audit: null };
  }
  const invitationId = randomUUID();
  const inserted = await trx
    .insertInto('membership_invitations')
    .values({
      community_id: communityId,
      id: invitationId,
      organization_id: organizationId,
      resident_id: residentId,
      invited_by: staff.id,
    })
    .onConflict((oc) =>
      oc
        .columns(['community_id', 'organization_id', 'resident_id'])
        .where('status', '=', 'pending')
        .doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    const waiting = await lockPendingInvitationFor(trx, {
      communityId,
      organizationId,
      residentId,
    });
    return {
      result: { ...unchanged, status: 'invited', invitationId: waiting?.id ?? null },
      audit: null,
    };
  }
  return {
    result: { ...unchanged, invited: true, status: 'invited', invitationId },
    audit: {
      target: { type: 'organization', id: organizationId },
      details: { residentId, invitationId },
    },
  };
}

async function isMember(
  db: Kysely<Database>,
  {
    communityId,
    organizationId,
    residentId,
  }: { communityId: string; organizationId: string; residentId: string },
): Promise<boolean> {
  const row = await db
    .selectFrom('organization_members')
    .select('resident_id')
    .where('community_id', '=', communityId)
    .where('organization_id', '=', organizationId)
    .where('resident_id', '=', residentId)
    .executeTakeFirst();
  return row !== undefined;
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
  return runStaffWrite(
    db,
    {
      staff,
      origin,
      operation: 'organizations.removeMember',
      key: idempotencyKey,
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
      return {
        result: { organizationId, residentId, removed },
        audit: removed
          ? { target: { type: 'organization', id: organizationId }, details: { residentId } }
          : null,
      };
    },
  );
}
