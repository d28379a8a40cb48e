import type { Database } from '@tally/db/schema';
import type { LocalizedText } from '@tally/domain/localized-text';
import type { Organization } from '@tally/domain/organizations';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { runStaffWrite } from '../common/use-case';
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
    name: LocalizedText;
    description: LocalizedText;
  },
): Promise<Organization> {
  const { communityId } = staff;
  return runStaffWrite(
    db,
    {
      staff,
      origin,
      operation: 'organizations.create',
      key: idempotencyKey,
      request: { name, description },
    },
    async (trx) => {
      const created = await createOrganization(trx, { communityId, name, description });
      return {
        result: await getOrganization(trx, { communityId, id: created.id }),
        audit: { target: { type: 'organization', id: created.id }, details: { name } },
      };
    },
  );
}
