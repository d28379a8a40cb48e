import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import { type LocalizedText, noText } from '@tally/domain/localized-text';
import type { Kysely } from 'kysely';

export async function createOrganization(
  db: Kysely<Database>,
  {
    communityId,
    name,
    description = noText,
  }: { communityId: string; name: LocalizedText; description?: LocalizedText },
): Promise<{ id: string; name: LocalizedText; description: LocalizedText }> {
  const id = randomUUID();
  // Names are unique in a community in each language given (two partial unique indexes).
  const inserted = await db
    .insertInto('organizations')
    .values({
      community_id: communityId,
      id,
      name_zh: name.zh,
      name_en: name.en,
      description_zh: description.zh,
      description_en: description.en,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted)
    throw new DomainError('DUPLICATE', 'An organization with that name already exists.');
  return { id, name, description };
}

/** Adds a resident to an organization; adding someone already there changes nothing. */
export async function addMember(
  db: Kysely<Database>,
  membership: Membership,
): Promise<{ added: boolean }> {
  await assertMembershipParties(db, membership);
  return insertMembership(db, membership);
}

type Membership = { communityId: string; organizationId: string; residentId: string };

/** Both the organization and the resident are the community's, or NOT_FOUND. */
export async function assertMembershipParties(
  db: Kysely<Database>,
  { communityId, organizationId, residentId }: Membership,
): Promise<void> {
  const [organization, resident] = await Promise.all([
    db
      .selectFrom('organizations')
      .select('id')
      .where('community_id', '=', communityId)
      .where('id', '=', organizationId)
      .executeTakeFirst(),
    db
      .selectFrom('residents')
      .select('id')
      .where('community_id', '=', communityId)
      .where('id', '=', residentId)
      .executeTakeFirst(),
  ]);
  if (!organization) throw new DomainError('NOT_FOUND', 'That organization could not be found.');
  if (!resident) throw new DomainError('NOT_FOUND', 'That resident could not be found.');
}

/** The membership row itself; false when the resident was a member already. */
export async function insertMembership(
  db: Kysely<Database>,
  { communityId, organizationId, residentId }: Membership,
): Promise<{ added: boolean }> {
  const inserted = await db
    .insertInto('organization_members')
    .values({ community_id: communityId, organization_id: organizationId, resident_id: residentId })
    .onConflict((oc) => oc.columns(['community_id', 'organization_id', 'resident_id']).doNothing())
    .returning('resident_id')
    .executeTakeFirst();
  return { added: inserted !== undefined };
}
