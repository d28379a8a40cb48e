import type { Database } from '@tally/db/schema';
import type { MembershipStatus } from '@tally/domain/invitations';
import { type Kysely, sql } from 'kysely';

/**
 * Where one resident stands with organizations: a member, or invited and not yet answered.
 * `organizationIds` narrows to those the caller acts for (null: every one of the community).
 */
export async function membershipStatuses(
  db: Kysely<Database>,
  {
    communityId,
    residentId,
    organizationIds,
  }: { communityId: string; residentId: string; organizationIds: string[] | null },
): Promise<{ organizationId: string; status: MembershipStatus }[]> {
  if (organizationIds !== null && organizationIds.length === 0) return [];
  let members = db
    .selectFrom('organization_members')
    .select(['organization_id', sql<MembershipStatus>`'member'`.as('status')])
    .where('community_id', '=', communityId)
    .where('resident_id', '=', residentId);
  let invited = db
    .selectFrom('membership_invitations')
    .select(['organization_id', sql<MembershipStatus>`'invited'`.as('status')])
    .where('community_id', '=', communityId)
    .where('resident_id', '=', residentId)
    .where('status', '=', 'pending');
  if (organizationIds !== null) {
    members = members.where('organization_id', 'in', organizationIds);
    invited = invited.where('organization_id', 'in', organizationIds);
  }
  const rows = await members.unionAll(invited).orderBy('organization_id').execute();
  return rows.map((row) => ({ organizationId: row.organization_id, status: row.status }));
}
