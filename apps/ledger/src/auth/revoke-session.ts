import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { Kysely } from 'kysely';
import { recordAudit } from '../common/audit';
import type { StaffActor } from './actors';
import { endStaffSessions } from './staff-sessions';

/**
 * Ends one live session of an account of the caller's community (their own, or — for the
 * office — anyone's): its token stops working on its next request. Revoking is its own
 * retry, so it takes no idempotency key; a session already ended is NOT_FOUND.
 */
export async function revokeStaffSession(
  db: Kysely<Database>,
  {
    staff,
    origin,
    staffId,
    sessionId,
  }: { staff: StaffActor; origin: string; staffId: string; sessionId: string },
): Promise<{ ok: true; current: boolean }> {
  const { communityId } = staff;
  return db.transaction().execute(async (trx) => {
    const ended = await endStaffSessions(trx, { communityId, staffId, only: sessionId });
    if (ended.length === 0) {
      throw new DomainError('NOT_FOUND', 'That session could not be found or has already ended.');
    }
    await recordAudit(trx, {
      communityId,
      actor: { type: 'staff', id: staff.id },
      action: staffId === staff.id ? 'auth.revoke_session' : 'staff.revoke_session',
      target: { type: 'staff_user', id: staffId },
      origin,
      details: { sessionId },
    });
    return { ok: true as const, current: sessionId === staff.sessionId };
  });
}
