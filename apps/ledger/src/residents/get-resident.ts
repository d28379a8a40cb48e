import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import { maskName } from '@tally/domain/masked-name';
import type { ResidentCard, ResidentDetail } from '@tally/domain/residents';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { membershipStatuses } from '../invitations/membership-statuses';
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
 * Exact card look-up, e.g. to invite the holder to an organization. A leader holding a card
 * learns only what identifies it (the number and a masked name) unless its holder is already
 * a member of one of their organizations: no browsing the community by card numbers.
 */
export async function findResidentByCard(
  db: Kysely<Database>,
  {
    staff,
    cardNumber,
  }: { staff: Pick<StaffActor, 'communityId' | 'role' | 'organizationIds'>; cardNumber: string },
): Promise<ResidentCard> {
  const { communityId } = staff;
  const row = await db
    .selectFrom('residents')
    .select(['id', 'display_name', 'card_number'])
    .where('community_id', '=', communityId)
    .where('card_number', '=', cardNumber)
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', 'No resident holds that card.');
  const memberships = await membershipStatuses(db, {
    communityId,
    residentId: row.id,
    organizationIds: visibleOrganizationIds(staff),
  });
  const nameMasked =
    staff.role === 'leader' && !memberships.some(({ status }) => status === 'member');
  return {
    id: row.id,
    displayName: nameMasked ? maskName(row.display_name) : row.display_name,
    cardNumber: row.card_number,
    nameMasked,
    memberships,
  };
}
