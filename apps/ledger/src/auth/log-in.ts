import type { Database } from '@tally/db/schema';
import type { AuditAction } from '@tally/domain/audit';
import { DomainError } from '@tally/domain/errors';
import type { StaffUser } from '@tally/domain/staff';
import { type Kysely, sql } from 'kysely';
import { recordAudit } from '../common/audit';
import { communityIsOpen } from './open-community';
import { verifyAgainstDecoy, verifySecret } from './secrets';
import { claimSignInTry, clearSignInTries, refundSignInTry, type SignInTry } from './sign-in-tries';
import { ledOrganizationIds, startStaffSession } from './staff-sessions';

type Account = {
  id: string;
  community_id: string;
  username: string;
  display_name: string;
  role: StaffUser['role'];
  password_hash: string;
  must_change_password: boolean;
};

/**
 * Checks a log-in. A log-in names no community and user names are unique only within one,
 * so the password is checked against every active account of that name; it signs in to the
 * one it opens. Each try is counted against each account before its password is checked
 * (see `claimSignInTry`); an unknown name spends the same hashing time and answers exactly
 * like a wrong password, so no answer tells which names exist, here or in another community.
 */
export async function logIn(
  db: Kysely<Database>,
  { username, password, origin }: { username: string; password: string; origin: string },
): Promise<{ token: string; expiresAt: string; user: StaffUser; mustChangePassword: boolean }> {
  const accounts = await db
    .selectFrom('staff_users')
    .select([
      'id',
      'community_id',
      'username',
      'display_name',
      'role',
      'password_hash',
      'must_change_password',
    ])
    .where('username', '=', username)
    .where('active', '=', true)
    // A closed community's staff cannot sign in (the street office's accounts always can).
    .where((eb) => eb.or([eb('role', '=', 'street'), communityIsOpen('staff_users.community_id')]))
    .orderBy('community_id')
    .execute();
  if (accounts.length === 0) {
    await verifyAgainstDecoy(password);
    throw new DomainError('INVALID_CREDENTIALS');
  }
  const audit = (account: Account, action: AuditAction) =>
    recordAudit(db, {
      communityId: account.community_id,
      actor: { type: 'staff', id: account.id },
      action,
      target: { type: 'staff_user', id: account.id },
      origin,
    });

  const tries: SignInTry[] = [];
  for (const account of accounts) {
    tries.push(
      await claimSignInTry(db, {
        communityId: account.community_id,
        staffId: account.id,
        source: origin,
      }),
    );
  }
  const open = accounts.filter((_, i) => tries[i]?.claimed);
  // Checked side by side, so several accounts of one name take about the time of one.
  const opened = await Promise.all(
    open.map((account) => verifySecret(account.password_hash, password)),
  );
  const matches = open.filter((_, i) => opened[i]);
  const [account] = matches;
  if (!account || matches.length > 1) {
    for (const [i, other] of accounts.entries()) {
      if (!tries[i]?.claimed) await audit(other, 'auth.login_refused_locked');
      // Two communities' accounts of one name with one password: signing in to either could
      // put a person into the other community, so neither opens (and the answer is the same).
      else if (matches.includes(other)) await audit(other, 'auth.login_ambiguous');
      else await audit(other, 'auth.login_failed');
    }
    if (open.length > 0) throw new DomainError('INVALID_CREDENTIALS');
    const lockedUntil = Math.max(...tries.map((t) => (t.claimed ? 0 : t.lockedUntil.getTime())));
    throw new DomainError('ACCOUNT_LOCKED', undefined, {
      lockedUntil: new Date(lockedUntil).toISOString(),
    });
  }
  // The password was this account's: the tries it cost other accounts of the name guessed
  // nothing about them, and they never hear of it.
  for (const other of open) {
    if (other === account) continue;
    await refundSignInTry(db, {
      communityId: other.community_id,
      staffId: other.id,
      source: origin,
    });
  }
  const communityId = account.community_id;
  await clearSignInTries(db, { communityId, staffId: account.id, source: origin });
  const { token, expiresAt } = await startStaffSession(db, {
    communityId,
    staffId: account.id,
    origin,
  });
  await audit(account, 'auth.login');
  return {
    token,
    expiresAt: expiresAt.toISOString(),
    mustChangePassword: account.must_change_password,
    user: {
      id: account.id,
      username: account.username,
      displayName: account.display_name,
      role: account.role,
      communityId,
      organizationIds: await ledOrganizationIds(db, { communityId, staffId: account.id }),
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
      .where('community_id', '=', communityId)
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
