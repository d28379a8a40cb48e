import type { Database, InvitationClosedVia } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import { sql, type Transaction } from 'kysely';
import { insertMembership } from '../organizations/create-organization';

export type PendingInvitation = { id: string; organization_id: string; resident_id: string };

/**
 * Locks one pending invitation of the community (a resident's own, when `residentId` is
 * given), so two answers to it cannot both win. An invitation of another community, or of
 * another resident, is not found; `authorize` may refuse it before its state is told; one
 * already closed is INVITATION_CLOSED.
 */
export async function lockPendingInvitation(
  trx: Transaction<Database>,
  {
    communityId,
    invitationId,
    residentId,
    authorize,
  }: {
    communityId: string;
    invitationId: string;
    residentId?: string;
    authorize?: (invitation: PendingInvitation) => void;
  },
): Promise<PendingInvitation> {
  let query = trx
    .selectFrom('membership_invitations')
    .select(['id', 'organization_id', 'resident_id', 'status'])
    .where('community_id', '=', communityId)
    .where('id', '=', invitationId);
  if (residentId) query = query.where('resident_id', '=', residentId);
  const row = await query.forUpdate().executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', 'That invitation could not be found.');
  authorize?.(row);
  if (row.status !== 'pending') throw new DomainError('INVITATION_CLOSED');
  return row;
}

/** The one waiting invitation of a resident to an organization, locked, if there is one. */
export async function lockPendingInvitationFor(
  trx: Transaction<Database>,
  {
    communityId,
    organizationId,
    residentId,
  }: { communityId: string; organizationId: string; residentId: string },
): Promise<PendingInvitation | undefined> {
  return trx
    .selectFrom('membership_invitations')
    .select(['id', 'organization_id', 'resident_id'])
    .where('community_id', '=', communityId)
    .where('organization_id', '=', organizationId)
    .where('resident_id', '=', residentId)
    .where('status', '=', 'pending')
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Closes a locked pending invitation. Joining makes the resident a member in the same
 * transaction; the answer names who gave it and where (kiosk, phone, office or leader).
 * Returns whether a membership was added (false if they were a member already).
 */
export async function closeInvitation(
  trx: Transaction<Database>,
  {
    communityId,
    invitation,
    status,
    via,
    staffId = null,
    kioskId = null,
  }: {
    communityId: string;
    invitation: PendingInvitation;
    status: 'joined' | 'declined' | 'withdrawn';
    via: InvitationClosedVia;
    staffId?: string | null;
    kioskId?: string | null;
  },
): Promise<{ added: boolean }> {
  const { added } =
    status === 'joined'
      ? await insertMembership(trx, {
          communityId,
          organizationId: invitation.organization_id,
          residentId: invitation.resident_id,
        })
      : { added: false };
  await trx
    .updateTable('membership_invitations')
    .set({
      status,
      closed_at: sql`now()`,
      closed_via: via,
      closed_by_staff: staffId,
      closed_by_kiosk: kioskId,
    })
    .where('community_id', '=', communityId)
    .where('id', '=', invitation.id)
    .execute();
  return { added };
}
