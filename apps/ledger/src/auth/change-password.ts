import type { Database } from '@tally/db/schema';
import type { AuditAction } from '@tally/domain/audit';
import { DomainError } from '@tally/domain/errors';
import type { Kysely } from 'kysely';
import { recordAudit } from '../common/audit';
import type { StaffActor } from './actors';
import { assertNewPasswordAllowed, replacePassword } from './new-password';
import { hashSecret, verifySecret } from './secrets';
import { claimSignInTry, clearSignInTries } from './sign-in-tries';
import { endStaffSessions } from './staff-sessions';

/**
 * A signed-in member of staff chooses a new password. The current one is checked like a
 * sign-in (the try counted first, so a stolen session cannot guess it faster than a log-in
 * could); the new one must not be weak or reused. Every other session of the account ends,
 * and a temporary password's "must change" is lifted. No idempotency key: a replay no longer
 * knows the current password and is refused with WRONG_CURRENT_PASSWORD, changing nothing.
 */
export async function changePassword(
  db: Kysely<Database>,
  {
    staff,
    origin,
    currentPassword,
    newPassword,
  }: { staff: StaffActor; origin: string; currentPassword: string; newPassword: string },
): Promise<{ ok: true }> {
  const { communityId, id: staffId } = staff;
  const { password_hash: passwordHash } = await db
    .selectFrom('staff_users')
    .select('password_hash')
    .where('community_id', '=', communityId)
    .where('id', '=', staffId)
    .executeTakeFirstOrThrow();
  const account = {
    communityId,
    staffId,
    username: staff.username,
    displayName: staff.displayName,
    passwordHash,
  };
  const audit = (
    executor: Kysely<Database>,
    action: AuditAction,
    details?: Record<string, unknown>,
  ) =>
    recordAudit(executor, {
      communityId,
      actor: { type: 'staff', id: staffId },
      action,
      target: { type: 'staff_user', id: staffId },
      origin,
      ...(details ? { details } : {}),
    });

  const attempt = await claimSignInTry(db, { communityId, staffId, source: origin });
  if (!attempt.claimed) {
    await audit(db, 'auth.change_password_refused_locked');
    throw new DomainError('ACCOUNT_LOCKED', undefined, {
      lockedUntil: attempt.lockedUntil.toISOString(),
    });
  }
  if (!(await verifySecret(passwordHash, currentPassword))) {
    await audit(db, 'auth.change_password_failed');
    throw new DomainError('WRONG_CURRENT_PASSWORD');
  }
  await clearSignInTries(db, { communityId, staffId, source: origin });
  await assertNewPasswordAllowed(db, { account, newPassword });

  const newHash = await hashSecret(newPassword);
  await db.transaction().execute(async (trx) => {
    await replacePassword(trx, {
      communityId,
      staffId,
      oldHash: passwordHash,
      newHash,
      mustChangePassword: false,
      changedMeanwhile: () => new DomainError('WRONG_CURRENT_PASSWORD'),
    });
    const ended = await endStaffSessions(trx, { communityId, staffId, except: staff.sessionId });
    await audit(trx, 'auth.change_password', { endedSessions: ended.length });
  });
  return { ok: true };
}
