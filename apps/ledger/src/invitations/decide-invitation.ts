import type { Database } from '@tally/db/schema';
import type { AuditAction } from '@tally/domain/audit';
import type { Invitation } from '@tally/domain/invitations';
import type { Kysely, Transaction } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { runStaffWrite } from '../common/use-case';
import { assertMayActFor } from '../organizations/leadership';
import { closeInvitation, lockPendingInvitation, type PendingInvitation } from './close-invitation';
import { invitationRows, toInvitation } from './invitation-rows';

type Decision = { staff: StaffActor; origin: string; idempotencyKey: string; invitationId: string };

/**
 * The office approves a waiting invitation (say the resident agreed on paper): the resident
 * joins now, in one transaction with the audit entry.
 */
export function approveInvitation(db: Kysely<Database>, decision: Decision): Promise<Invitation> {
  return decide(db, decision, 'invitations.approve', async (trx, invitation) => {
    const { communityId, id } = decision.staff;
    await closeInvitation(trx, {
      communityId,
      invitation,
      status: 'joined',
      via: 'office',
      staffId: id,
    });
  });
}

/**
 * A leader withdraws their organization's invitation, or the office cancels one. The resident
 * no longer sees it at the kiosk; a new invitation can be sent later.
 */
export function withdrawInvitation(db: Kysely<Database>, decision: Decision): Promise<Invitation> {
  return decide(db, decision, 'invitations.withdraw', async (trx, invitation) => {
    const { staff } = decision;
    await closeInvitation(trx, {
      communityId: staff.communityId,
      invitation,
      status: 'withdrawn',
      via: staff.role === 'office' ? 'office' : 'leader',
      staffId: staff.id,
    });
  });
}

async function decide(
  db: Kysely<Database>,
  { staff, origin, idempotencyKey, invitationId }: Decision,
  operation: AuditAction,
  close: (trx: Transaction<Database>, invitation: PendingInvitation) => Promise<void>,
): Promise<Invitation> {
  const { communityId } = staff;
  return runStaffWrite(
    db,
    { staff, origin, operation, key: idempotencyKey, request: { invitationId } },
    async (trx) => {
      const invitation = await lockPendingInvitation(trx, {
        communityId,
        invitationId,
        // A leader acts only for their own organizations' invitations (the office for all).
        authorize: ({ organization_id }) => assertMayActFor(staff, organization_id),
      });
      await close(trx, invitation);
      const row = await invitationRows(trx, communityId)
        .where('i.id', '=', invitation.id)
        .executeTakeFirstOrThrow();
      return {
        result: toInvitation(row, { maskNames: staff.role === 'leader' }),
        audit: {
          target: { type: 'invitation', id: invitation.id },
          details: {
            organizationId: invitation.organization_id,
            residentId: invitation.resident_id,
          },
        },
      };
    },
  );
}
