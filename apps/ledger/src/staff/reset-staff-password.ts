import { randomInt } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { replacePassword } from '../auth/new-password';
import { hashSecret } from '../auth/secrets';
import { clearSignInTries } from '../auth/sign-in-tries';
import { endStaffSessions } from '../auth/staff-sessions';
import { runStaffWrite } from '../common/use-case';
import { addController } from './staff-control';
import { lockActorAndTarget } from './update-staff-user';

// No 0/o, 1/l/i: a temporary password is read off a screen and typed in by someone else.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Four groups of four from 31 characters: about 79 random bits, easy to read out. */
export function newTemporaryPassword(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}

/**
 * The office gives a staff account a random temporary password, shown once: the account must
 * choose a new one at its next sign-in, every session it has ends, its sign-in locks lift,
 * and the office member who reset it controls it again until a second office member confirms
 * it (they know its password now; see staff-control.ts).
 *
 * The temporary password is never stored in clear, nor in the idempotency table: that table
 * keeps only `{ staffId }`. So a replay of the same key cannot show the password again; it
 * answers RESET_ALREADY_SHOWN (reset again, with a new key, for a new password).
 */
export async function resetStaffPassword(
  db: Kysely<Database>,
  {
    staff,
    origin,
    idempotencyKey,
    staffId,
  }: { staff: StaffActor; origin: string; idempotencyKey: string; staffId: string },
): Promise<{ temporaryPassword: string }> {
  if (staffId === staff.id) {
    throw new DomainError(
      'OWN_ACCOUNT',
      'Use “Change my password” for your own account; a reset is for someone else’s.',
    );
  }
  const { communityId } = staff;
  const temporaryPassword = newTemporaryPassword();
  const newHash = await hashSecret(temporaryPassword);
  let resetNow = false;
  await runStaffWrite(
    db,
    { staff, origin, operation: 'staff.reset_password', key: idempotencyKey, request: { staffId } },
    async (trx) => {
      const target = await lockActorAndTarget(trx, { staff, staffId });
      await replacePassword(trx, {
        communityId,
        staffId,
        oldHash: target.password_hash,
        newHash,
        mustChangePassword: true,
        changedMeanwhile: () => new Error('the password changed under a row lock'),
      });
      const ended = await endStaffSessions(trx, { communityId, staffId });
      await clearSignInTries(trx, { communityId, staffId });
      await addController(trx, { communityId, staffId, controllerId: staff.id });
      resetNow = true;
      return {
        result: { staffId },
        audit: {
          target: { type: 'staff_user', id: staffId },
          details: { endedSessions: ended.length },
        },
      };
    },
  );
  if (!resetNow) throw new DomainError('RESET_ALREADY_SHOWN');
  return { temporaryPassword };
}
