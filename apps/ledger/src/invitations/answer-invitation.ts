import type { Database } from '@tally/db/schema';
import type { AnswerInvitationInput, AnswerInvitationOutput } from '@tally/domain/invitations';
import type { Kysely } from 'kysely';
import type { ResidentSession } from '../auth/actors';
import { recordAudit } from '../common/audit';
import { runIdempotent } from '../common/idempotency';
import { closeInvitation, lockPendingInvitation } from './close-invitation';

/**
 * The invited resident answers at a kiosk: joining makes them a member at once, declining
 * closes the invitation. Only their own invitations: anyone else's reads as not found.
 */
export async function answerInvitation(
  db: Kysely<Database>,
  {
    session,
    origin,
    input: { idempotencyKey, invitationId, answer },
  }: {
    session: ResidentSession;
    origin: string;
    input: AnswerInvitationInput;
  },
): Promise<AnswerInvitationOutput> {
  const { communityId, residentId, kioskId } = session;
  return runIdempotent(
    db,
    {
      communityId,
      key: idempotencyKey,
      operation: 'kiosk.answerInvitation',
      request: { residentId, invitationId, answer },
    },
    async (trx) => {
      const invitation = await lockPendingInvitation(trx, {
        communityId,
        invitationId,
        residentId,
      });
      const status = answer === 'join' ? 'joined' : 'declined';
      await closeInvitation(trx, { communityId, invitation, status, via: 'kiosk', kioskId });
      await recordAudit(trx, {
        communityId,
        actor: { type: 'kiosk', id: kioskId },
        action: answer === 'join' ? 'invitations.join' : 'invitations.decline',
        target: { type: 'invitation', id: invitation.id },
        origin,
        details: { organizationId: invitation.organization_id, residentId },
      });
      const organization = await trx
        .selectFrom('organizations')
        .select('name')
        .where('community_id', '=', communityId)
        .where('id', '=', invitation.organization_id)
        .executeTakeFirstOrThrow();
      return { invitationId: invitation.id, organizationName: organization.name, status };
    },
  );
}
