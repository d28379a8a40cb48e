import type { Database } from '@tally/db/schema';
import type { Resident } from '@tally/domain/residents';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { type Page, toPage } from '../common/pages';
import { assertMaySee, visibleOrganizationIds } from '../organizations/leadership';
import { assertOrganizationExists } from '../organizations/list-organizations';
import { membershipsOf, selectResidents, toResident } from './resident-query';

/**
 * A page of residents with their balances, in card-number order (unique per
 * community, so the order is stable and the card number is the cursor). The
 * office and auditors see the whole community; a leader sees only members of
 * organizations they lead. `query` matches part of a name, display name or
 * card number in any case.
 */
export async function listResidents(
  db: Kysely<Database>,
  {
    staff,
    query,
    organizationId,
    cursor,
    limit,
  }: {
    staff: StaffActor;
    query?: string | undefined;
    organizationId?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<Page<Resident>> {
  const { communityId } = staff;
  const visible = visibleOrganizationIds(staff);
  if (organizationId) {
    assertMaySee(staff, organizationId);
    await assertOrganizationExists(db, communityId, organizationId);
  }
  // Narrowing to one organization the caller may see keeps within their view.
  let select = selectResidents(db, {
    communityId,
    memberOf: organizationId ? [organizationId] : visible,
  })
    .orderBy('r.card_number')
    .limit(limit + 1);
  if (query) {
    const pattern = `%${escapeLike(query)}%`;
    select = select.where((eb) =>
      eb.or([
        eb('r.name', 'ilike', pattern),
        eb('r.display_name', 'ilike', pattern),
        eb('r.card_number', 'ilike', pattern),
      ]),
    );
  }
  if (cursor) select = select.where('r.card_number', '>', cursor);
  const page = toPage(await select.execute(), limit, (row) => row.card_number);
  const memberships = await membershipsOf(db, {
    communityId,
    residentIds: page.items.map((row) => row.id),
    visibleOrganizationIds: visible,
  });
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((row) =>
      toResident(
        row,
        (memberships.get(row.id) ?? []).map((o) => o.id),
      ),
    ),
  };
}

/** `%` and `_` in what a person typed are letters to find, not wildcards. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
