import type { Database } from '@tally/db/schema';
import type { Organization } from '@tally/domain/organizations';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { recordAudit } from '../common/audit';
import { runIdempotent } from '../common/idempotency';
import { createOrganization } from './create-organization';
import { getOrganization } from './list-organizations';

/** The office sets up a social organization (names are unique in a community), exactly once. */
export async function registerOrganization(
  db: Kysely<Database>,
  {
    staff,
    origin,
    idempotencyKey,
    name,
    description,
  }: {
    staff: StaffActor;
    origin: string;
    idempotencyKey: string;
    name: string;
    description: string;
  },
): Promise<Organization> {
  const { communityId } = staff;
  return runIdempotent(
    db,
    {
      communityId,
      key: idempotencyKey,
      operation: 'organizations.create',
      request: { name, description },
    },
    async (trx) => {
      const created = await createOrganization(trx, { communityId, name, description });
      await recordAudit(trx, {
        communityId,
        actor: { type: 'staff', id: staff.id },
        action: 'organizations.create',
        target: { type: 'organization', id: created.id },
        origin,
        details: { name },
      });
      return getOrganization(trx, { communityId, id: created.id });
    },
  );
}
