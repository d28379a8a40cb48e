import { randomUUID } from 'node:crypto';
import type { Database, StaffRole } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { StaffUser } from '@tally/domain/staff';
import type { Kysely } from 'kysely';
import { hashSecret } from '../auth/secrets';
import { inTransaction } from '../ledger/executor';
import { addController } from './staff-control';

export type NewStaffUser = {
  communityId: string;
  username: string;
  password: string;
  displayName: string;
  role: StaffRole;
  organizationIds?: string[];
  /** A street account's street (role `street` only). */
  streetId?: string;
};

/**
 * Creates a staff account; a leader is linked to the organizations they lead. A user name is
 * unique within its community only. `controllerId` names the member of staff opening it (who
 * knows its first password, see staff-control.ts); the command line and the demo name nobody.
 */
export async function createStaffUser(
  db: Kysely<Database>,
  input: NewStaffUser,
  { passwordHash, controllerId }: { passwordHash?: string; controllerId?: string } = {},
): Promise<StaffUser> {
  const id = randomUUID();
  const hash = passwordHash ?? (await hashSecret(input.password));
  const organizationIds = input.organizationIds ?? [];
  return inTransaction(db, async (trx) => {
    const taken = await trx
      .selectFrom('staff_users')
      .select('id')
      .where('community_id', '=', input.communityId)
      .where('username', '=', input.username)
      .executeTakeFirst();
    if (taken) throw new DomainError('DUPLICATE', 'That user name is already taken.');
    await assertOrganizationsExist(trx, input.communityId, organizationIds);
    await trx
      .insertInto('staff_users')
      .values({
        community_id: input.communityId,
        id,
        username: input.username,
        display_name: input.displayName,
        role: input.role,
        street_id: input.streetId ?? null,
        password_hash: hash,
      })
      .execute();
    await setLedOrganizations(trx, {
      communityId: input.communityId,
      staffId: id,
      organizationIds,
    });
    if (controllerId) {
      await addController(trx, { communityId: input.communityId, staffId: id, controllerId });
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

export async function assertOrganizationsExist(
  db: Kysely<Database>,
  communityId: string,
  organizationIds: string[],
): Promise<void> {
  if (organizationIds.length === 0) return;
  const found = await db
    .selectFrom('organizations')
    .select('id')
    .where('community_id', '=', communityId)
    .where('id', 'in', organizationIds)
    .execute();
  if (found.length !== new Set(organizationIds).size) {
    throw new DomainError('NOT_FOUND', 'One of those organizations could not be found.');
  }
}

/** Makes `organizationIds` the complete set a member of staff leads. */
export async function setLedOrganizations(
  db: Kysely<Database>,
  {
    communityId,
    staffId,
    organizationIds,
  }: { communityId: string; staffId: string; organizationIds: string[] },
): Promise<void> {
  await db
    .deleteFrom('organization_leaders')
    .where('community_id', '=', communityId)
    .where('staff_id', '=', staffId)
    .execute();
  const unique = [...new Set(organizationIds)];
  if (unique.length === 0) return;
  await db
    .insertInto('organization_leaders')
    .values(
      unique.map((id) => ({ community_id: communityId, organization_id: id, staff_id: staffId })),
    )
    .execute();
}
