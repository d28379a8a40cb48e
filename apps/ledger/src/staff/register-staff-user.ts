import type { Database, StaffRole } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { StaffUser } from '@tally/domain/staff';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { hashSecret } from '../auth/secrets';
import { runStaffWrite } from '../common/use-case';
import { uniqueViolationAs } from '../residents/unique-violation';
import { createStaffUser } from './create-staff-user';

/**
 * The office opens a staff account in its own community, exactly once. Whoever opens it
 * controls it until a second office member confirms it (see staff-control.ts). The
 * password is hashed before the transaction and kept out of the request
 * fingerprint and the audit log (a fast SHA-256 of it must not sit in the
 * idempotency table), so a retry with another password returns the first
 * result.
 */
export async function registerStaffUser(
  db: Kysely<Database>,
  {
    staff,
    origin,
    idempotencyKey,
    password,
    ...account
  }: {
    staff: StaffActor;
    origin: string;
    idempotencyKey: string;
    username: string;
    password: string;
    displayName: string;
    role: StaffRole;
    organizationIds: string[];
  },
): Promise<StaffUser> {
  const { communityId } = staff;
  const passwordHash = await hashSecret(password);
  return uniqueViolationAs(
    'staff_users_community_username_key',
    () => new DomainError('DUPLICATE', 'That user name is already taken.'),
    () =>
      runStaffWrite(
        db,
        { staff, origin, operation: 'staff.create', key: idempotencyKey, request: account },
        async (trx) => {
          const user = await createStaffUser(
            trx,
            { ...account, communityId, password },
            { passwordHash, controllerId: staff.id },
          );
          return {
            result: user,
            audit: {
              target: { type: 'staff_user', id: user.id },
              details: {
                username: user.username,
                role: user.role,
                organizationIds: user.organizationIds,
              },
            },
          };
        },
      ),
  );
}
