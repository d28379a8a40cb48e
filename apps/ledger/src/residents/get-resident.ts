import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { ResidentDetail } from '@tally/domain/residents';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { visibleOrganizationIds } from '../organizations/leadership';
import { membershipsOf, selectResidents, toResident } from './resident-query';

/**
 * One resident with balances and organizations. Someone the caller may not
 * see (another community's resident, or for a leader anyone outside their
 * organizations) is NOT_FOUND, so the answer never reveals who exists.
 */
export async function getResident(
  db: Kysely<Database>,
  staff: Pick<StaffActor, 'communityId' | 'role' | 'organizationIds'>,
  id: string,
): Promise<ResidentDetail> {
  const { communityId } = staff;
  const visible = visibleOrganizationIds(staff);
  const row = await selectResidents(db, { communityId, memberOf: visible })
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', 'That resident could not be found.');
  const memberships = await membershipsOf(db, {
    communityId,
    residentIds: [id],
    visibleOrganizationIds: visible,
  });
  const organizations = memberships.get(id) ?? [];
  return {
    ...toResident(
      row,
      organizations.map((o) => o.id),
    ),
    organizations,
  };
}

/**
 * Exact card look-up: a leader holding a resident's card can find them to add
 * them to an organization, without being able to browse the community.
 */
export async function findResidentByCard(
  db: Kysely<Database>,
  { communityId, cardNumber }: { communityId: string; cardNumber: string },
): Promise<{ id: string; displayName: string; cardNumber: string }> {
  const row = await db
    .selectFrom('residents')
    .select(['id', 'display_name', 'card_number'])
    .where('community_id', '=', communityId)
    .where('card_number', '=', cardNumber)
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', 'No resident holds that card.');
  return { id: row.id, displayName: row.display_name, cardNumber: row.card_number };
}
