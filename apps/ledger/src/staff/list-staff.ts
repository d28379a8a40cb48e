import type { Database } from '@tally/db/schema';
import type { StaffMember } from '@tally/domain/staff';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { accountsLinkedTo, awaitingConfirmation } from './staff-control';

/**
 * The community's staff accounts by user name, with the organizations each leads, whether
 * each waits for a second office member's confirmation and whether the reader may give it.
 * Never their password hashes. A community has a handful of staff, so there is no paging;
 * `staffId` narrows the list to one account.
 */
export async function listStaff(
  db: Kysely<Database>,
  {
    viewer,
    staffId,
  }: { viewer: Pick<StaffActor, 'id' | 'communityId' | 'role'>; staffId?: string },
): Promise<StaffMember[]> {
  const { communityId } = viewer;
  let query = db
    .selectFrom('staff_users')
    .select([
      'id',
      'username',
      'display_name',
      'role',
      'active',
      'must_change_password',
      'created_at',
    ])
    .where('community_id', '=', communityId)
    .orderBy('username');
  if (staffId) query = query.where('id', '=', staffId);
  const users = await query.execute();
  let leadsQuery = db
    .selectFrom('organization_leaders')
    .select(['staff_id', 'organization_id'])
    .where('community_id', '=', communityId)
    .orderBy('organization_id');
  if (staffId) leadsQuery = leadsQuery.where('staff_id', '=', staffId);
  const leads = await leadsQuery.execute();
  const awaiting = await awaitingConfirmation(db, communityId);
  const linked = await accountsLinkedTo(db, {
    communityId,
    accountId: viewer.id,
    candidateIds: users.filter((user) => awaiting.has(user.id)).map((user) => user.id),
  });
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
    mustChangePassword: user.must_change_password,
    awaitingConfirmation: awaiting.has(user.id),
    mayConfirm:
      awaiting.has(user.id) &&
      viewer.role === 'office' &&
      user.id !== viewer.id &&
      !linked.has(user.id),
  }));
}
