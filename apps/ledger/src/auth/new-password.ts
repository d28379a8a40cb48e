import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import {
  PASSWORD_HISTORY,
  passwordWeakness,
  passwordWeaknessMessages,
} from '@tally/domain/passwords';
import type { Kysely, Transaction } from 'kysely';
import { verifySecret } from './secrets';

type Account = {
  communityId: string;
  staffId: string;
  username: string;
  displayName: string;
  passwordHash: string;
};

/**
 * Refuses a new password a person should not choose: a weak one (with the reason, see
 * `passwordWeakness`), or one they used before — the current one or any of the last five,
 * each checked with argon2 against its stored hash (only hashes are kept).
 */
export async function assertNewPasswordAllowed(
  db: Kysely<Database>,
  { account, newPassword }: { account: Account; newPassword: string },
): Promise<void> {
  const weakness = passwordWeakness(newPassword, account);
  if (weakness) {
    throw new DomainError('WEAK_PASSWORD', passwordWeaknessMessages[weakness], {
      reason: weakness,
    });
  }
  const earlier = await db
    .selectFrom('staff_password_history')
    .select('password_hash')
    .where('community_id', '=', account.communityId)
    .where('staff_id', '=', account.staffId)
    .orderBy('replaced_at', 'desc')
    .limit(PASSWORD_HISTORY)
    .execute();
  const hashes = [account.passwordHash, ...earlier.map((row) => row.password_hash)];
  const reused = await Promise.all(hashes.map((hash) => verifySecret(hash, newPassword)));
  if (reused.some(Boolean)) throw new DomainError('PASSWORD_REUSED');
}

/**
 * Puts a new password hash in place of `oldHash`, keeping the old one among the last five.
 * Refuses (with `changedMeanwhile`) if the password changed since `oldHash` was read.
 */
export async function replacePassword(
  trx: Transaction<Database>,
  {
    communityId,
    staffId,
    oldHash,
    newHash,
    mustChangePassword,
    changedMeanwhile,
  }: {
    communityId: string;
    staffId: string;
    oldHash: string;
    newHash: string;
    mustChangePassword: boolean;
    changedMeanwhile: () => Error;
  },
): Promise<void> {
  const replaced = await trx
    .updateTable('staff_users')
    .set({ password_hash: newHash, must_change_password: mustChangePassword })
    .where('community_id', '=', communityId)
    .where('id', '=', staffId)
    .where('password_hash', '=', oldHash)
    .executeTakeFirst();
  if (replaced.numUpdatedRows === 0n) throw changedMeanwhile();
  await trx
    .insertInto('staff_password_history')
    .values({ community_id: communityId, staff_id: staffId, password_hash: oldHash })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const kept = trx
    .selectFrom('staff_password_history')
    .select('password_hash')
    .where('community_id', '=', communityId)
    .where('staff_id', '=', staffId)
    .orderBy('replaced_at', 'desc')
    .limit(PASSWORD_HISTORY);
  await trx
    .deleteFrom('staff_password_history')
    .where('community_id', '=', communityId)
    .where('staff_id', '=', staffId)
    .where('password_hash', 'not in', kept)
    .execute();
}
