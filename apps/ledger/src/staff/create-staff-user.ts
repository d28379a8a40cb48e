import { randomUUID } from 'node:crypto';
import type { Database, StaffRole } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { StaffUser } from '@tally/domain/staff';
import type { Kysely } from 'kysely';
import { hashSecret } from '../auth/secrets';
import { inTransaction } from '../ledger/executor';

export type NewStaffUser = {
  communityId: string;
  username: string;
  password: string;
  displayName: string;
  role: StaffRole;
  organizationIds?: string[];
};

/** Creates a staff account; a leader is linked to the organizations they lead. */
export async function createStaffUser(
  db: Kysely<Database>,
  input: NewStaffUser,
  { passwordHash }: { passwordHash?: string } = {},
): Promise<StaffUser> {
  const id = randomUUID();
  const hash = passwordHash ?? (await hashSecret(input.password));
  const organizationIds = input.organizationIds ?? [];
  return inTransaction(db, async (trx) => {
    const taken = await trx
      .selectFrom('staff_users')
      .select('id')
      .where('username', '=', input.username)
      .executeTakeFirst();
    if (taken) throw new DomainError('DUPLICATE', 'That user name is already taken.');
    if (organizationIds.length > 0) {
      const found = await trx
        .selectFrom('organizations')
        .select('id')
        .where('community_id', '=', input.communityId)
        .where('id', 'in', organizationIds)
        .execute();
      if (found.length !== new Set(organizationIds).size) {
        throw new DomainError('NOT_FOUND', 'One of those organizations could not be found.');
      }
    }
    await trx
      .insertInto('staff_users')
      .values({
        community_id: input.communityId,
        id,
        username: input.username,
        display_name: input.displayName,
        role: input.role,
        password_hash: hash,
      })
      .execute();
    for (const organizationId of new Set(organizationIds)) {
      await trx
        .insertInto('organization_leaders')
        .values({ community_id: input.communityId, organization_id: organizationId, staff_id: id })
        .execute();
    }
    return {
      id,
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      communityId: input.communityId,
      organizationIds: [...new Set(organizationIds)],
    };
  });
}
