import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { StaffUser } from '@tally/domain/staff';
import { type Kysely, sql } from 'kysely';
import { recordAudit } from '../common/audit';
import { verifyAgainstDecoy, verifySecret } from './secrets';
import { ledOrganizationIds, startStaffSession } from './staff-sessions';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

/**
 * Checks a log-in. Failures are counted (and audited) in their own statement,
 * committed even though the call then fails; the fifth failure locks the
 * account for 15 minutes.
 */
export async function logIn(
  db: Kysely<Database>,
  { username, password, origin }: { username: string; password: string; origin: string },
): Promise<{ token: string; expiresAt: string; user: StaffUser }> {
  const user = await db
    .selectFrom('staff_users')
    .selectAll()
    .where('username', '=', username)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!user) {
    await verifyAgainstDecoy(password);
    throw new DomainError('INVALID_CREDENTIALS');
  }
  const audit = (action: string, details?: Record<string, unknown>) =>
    recordAudit(db, {
      communityId: user.community_id,
      actor: { type: 'staff', id: user.id },
      action,
      target: { type: 'staff_user', id: user.id },
      origin,
      ...(details ? { details } : {}),
    });

  if (user.locked_until && user.locked_until > new Date()) {
    await audit('auth.login_refused_locked');
    throw new DomainError('ACCOUNT_LOCKED', undefined, {
      lockedUntil: user.locked_until.toISOString(),
    });
  }
  if (!(await verifySecret(user.password_hash, password))) {
    const failed = await db
      .updateTable('staff_users')
      .set((eb) => ({
        failed_logins: sql`case when ${eb.ref('failed_logins')} + 1 >= ${MAX_FAILED_LOGINS} then 0 else ${eb.ref('failed_logins')} + 1 end`,
        locked_until: sql`case when ${eb.ref('failed_logins')} + 1 >= ${MAX_FAILED_LOGINS} then now() + make_interval(mins => ${LOCK_MINUTES}) else null end`,
      }))
      .where('community_id', '=', user.community_id)
      .where('id', '=', user.id)
      .returning(['locked_until'])
      .executeTakeFirstOrThrow();
    await audit('auth.login_failed', { locked: failed.locked_until !== null });
    throw new DomainError('INVALID_CREDENTIALS');
  }

  await db
    .updateTable('staff_users')
    .set({ failed_logins: 0, locked_until: null })
    .where('community_id', '=', user.community_id)
    .where('id', '=', user.id)
    .execute();
  const { token, expiresAt } = await startStaffSession(db, {
    communityId: user.community_id,
    staffId: user.id,
  });
  await audit('auth.login');
  return {
    token,
    expiresAt: expiresAt.toISOString(),
    user: {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      role: user.role,
      communityId: user.community_id,
      organizationIds: await ledOrganizationIds(db, {
        communityId: user.community_id,
        staffId: user.id,
      }),
    },
  };
}

export async function logOut(
  db: Kysely<Database>,
  {
    communityId,
    staffId,
    tokenHash,
    origin,
  }: { communityId: string; staffId: string; tokenHash: string; origin: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff_sessions')
      .set({ ended_at: sql`now()` })
      .where('token_hash', '=', tokenHash)
      .execute();
    await recordAudit(trx, {
      communityId,
      actor: { type: 'staff', id: staffId },
      action: 'auth.logout',
      origin,
    });
  });
}
