import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { Organization } from '@tally/domain/organizations';
import type { Kysely } from 'kysely';
import { type StaffScope, visibleOrganizationIds } from './leadership';

/**
 * The organizations a member of staff may see, by name, with member counts and
 * leaders: all of the community's for the office and auditors, a leader's own
 * for a leader. A community has tens of organizations, so there is no paging.
 */
export async function listOrganizations(
  db: Kysely<Database>,
  staff: StaffScope & { communityId: string },
): Promise<Organization[]> {
  return readOrganizations(db, {
    communityId: staff.communityId,
    ids: visibleOrganizationIds(staff),
  });
}

export async function getOrganization(
  db: Kysely<Database>,
  { communityId, id }: { communityId: string; id: string },
): Promise<Organization> {
  const [organization] = await readOrganizations(db, { communityId, ids: [id] });
  if (!organization) throw new DomainError('NOT_FOUND', 'That organization could not be found.');
  return organization;
}

export async function assertOrganizationExists(
  db: Kysely<Database>,
  communityId: string,
  organizationId: string,
): Promise<void> {
  const found = await db
    .selectFrom('organizations')
    .select('id')
    .where('community_id', '=', communityId)
    .where('id', '=', organizationId)
    .executeTakeFirst();
  if (!found) throw new DomainError('NOT_FOUND', 'That organization could not be found.');
}

/** `ids` null reads every organization of the community. */
async function readOrganizations(
  db: Kysely<Database>,
  { communityId, ids }: { communityId: string; ids: string[] | null },
): Promise<Organization[]> {
  if (ids !== null && ids.length === 0) return [];
  let query = db
    .selectFrom('organizations as o')
    .select((eb) => [
      'o.id',
      'o.name_zh',
      'o.name_en',
      'o.description_zh',
      'o.description_en',
      'o.created_at',
      eb
        .selectFrom('organization_members as om')
        .select((count) => count.fn.countAll<number>().as('n'))
        .whereRef('om.community_id', '=', 'o.community_id')
        .whereRef('om.organization_id', '=', 'o.id')
        .as('member_count'),
    ])
    .where('o.community_id', '=', communityId)
    .orderBy('o.name_zh')
    .orderBy('o.name_en');
  if (ids !== null) query = query.where('o.id', 'in', ids);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const leaders = await db
    .selectFrom('organization_leaders as l')
    .innerJoin('staff_users as s', (j) =>
      j.onRef('s.community_id', '=', 'l.community_id').onRef('s.id', '=', 'l.staff_id'),
    )
    .select(['l.organization_id', 's.id', 's.display_name'])
    .where('l.community_id', '=', communityId)
    .where(
      'l.organization_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('s.display_name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: { zh: row.name_zh, en: row.name_en },
    description: { zh: row.description_zh, en: row.description_en },
    memberCount: Number(row.member_count ?? 0),
    leaders: leaders
      .filter((leader) => leader.organization_id === row.id)
      .map((leader) => ({ id: leader.id, displayName: leader.display_name })),
    createdAt: row.created_at.toISOString(),
  }));
}
