import type { Database } from '@tally/db/schema';
import type { StaffMember } from '@tally/domain/staff';
import type { Kysely } from 'kysely';

/**
 * The community's staff accounts by user name, with the organizations each
 * leads. Never their password hashes. A community has a handful of staff, so
 * there is no paging.
 */
export async function listStaff(
  db: Kysely<Database>,
  { communityId }: { communityId: string },
): Promise<StaffMember[]> {
  const users = await db
    .selectFrom('staff_users')
    .select(['id', 'username', 'display_name', 'role', 'active', 'created_at'])
    .where('community_id', '=', communityId)
    .orderBy('username')
    .execute();
  const leads = await db
    .selectFrom('organization_leaders')
    .select(['staff_id', 'organization_id'])
    .where('community_id', '=', communityId)
    .execute();
  return users.map((user) => ({
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    communityId,
    organizationIds: leads
      .filter((lead) => lead.staff_id === user.id)
      .map((lead) => lead.organization_id),
    active: user.active,
    createdAt: user.created_at.toISOString(),
  }));
}
