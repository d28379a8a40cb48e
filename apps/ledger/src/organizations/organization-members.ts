import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import type { AddMemberOutput } from '@tally/domain/organizations';
import type { Kysely, Transaction } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { recordAudit } from '../common/audit';
import { runIdempotent } from '../common/idempotency';
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
  return runIdempotent(
    db,
    {
      communityId,
      key: idempotencyKey,
      operation: 'organizations.addMember',
      request: { organizationId, residentId },
    },
    async (trx) => {
      const membership = { communityId, organizationId, residentId };
      await assertMembershipParties(trx, membership);
      return staff.role === 'office'
        ? addMemberAsOffice(trx, { staff, origin, ...membership })
        : inviteResident(trx, { staff, origin, ...membership });
    },
  );
}

type MembershipInTransaction = {
  staff: StaffActor;
  origin: string;
  communityId: string;
  organizationId: string;
  residentId: string;
};

async function addMemberAsOffice(
  trx: Transaction<Database>,
  { staff, origin, communityId, organizationId, residentId }: MembershipInTransaction,
): Promise<AddMemberOutput> {
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
  if (added || pending) {
    await recordAudit(trx, {
      communityId,
      actor: { type: 'staff', id: staff.id },
      action: 'organizations.addMember',
      target: { type: 'organization', id: organizationId },
      origin,
      details: pending ? { residentId, invitationId: pending.id } : { residentId },
    });
  }
  return {
    organizationId,
    residentId,
    added,
    invited: false,
    status: 'member',
    invitationId: pending?.id ?? null,
  };
}

/** A leader's request: an invitation the resident answers (or the office approves). */
async function inviteResident(
  trx: Transaction<Database>,
  { staff, origin, communityId, organizationId, residentId }: MembershipInTransaction,
): Promise<AddMemberOutput> {
  const unchanged = { organizationId, residentId, added: false, invited: false } as const;
  if (await isMember(trx, { communityId, organizationId, residentId })) {
    return { ...unchanged, status: 'member', invitationId: null };
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
    return { ...unchanged, status: 'invited', invitationId: waiting?.id ?? null };
  }
  await recordAudit(trx, {
    communityId,
    actor: { type: 'staff', id: staff.id },
    action: 'organizations.invite',
    target: { type: 'organization', id: organizationId },
    origin,
    details: { residentId, invitationId },
  });
  return { ...unchanged, invited: true, status: 'invited', invitationId };
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
