import type { Database } from '@tally/db/schema';
import type { AnswerInvitationInput, AnswerInvitationOutput } from '@tally/domain/invitations';
import type { Kysely } from 'kysely';
import type { ResidentSession } from '../auth/actors';
import { runResidentWrite } from '../common/use-case';
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
  return runResidentWrite(
    db,
    {
      session,
      origin,
      operation: answer === 'join' ? 'invitations.join' : 'invitations.decline',
      key: idempotencyKey,
      request: { invitationId, answer },
    },
    async (trx) => {
      const invitation = await lockPendingInvitation(trx, {
        communityId,
        invitationId,
        residentId,
      });
      const status = answer === 'join' ? 'joined' : 'declined';
      await closeInvitation(trx, { communityId, invitation, status, via: 'kiosk', kioskId });
      const organization = await trx
        .selectFrom('organizations')
        .select(['name_zh', 'name_en'])
        .where('community_id', '=', communityId)
        .where('id', '=', invitation.organization_id)
        .executeTakeFirstOrThrow();
      return {
        result: {
          invitationId: invitation.id,
          organizationName: { zh: organization.name_zh, en: organization.name_en },
          status,
        },
        audit: {
          target: { type: 'invitation', id: invitation.id },
          details: { organizationId: invitation.organization_id, residentId },
        },
      };
    },
  );
}
