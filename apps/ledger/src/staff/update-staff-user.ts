import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { StaffMember, UpdateStaffInput } from '@tally/domain/staff';
import type { Kysely, Transaction } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { endStaffSessions } from '../auth/staff-sessions';
import { runStaffWrite } from '../common/use-case';
import { assertOrganizationsExist, setLedOrganizations } from './create-staff-user';
import { listStaff } from './list-staff';

/**
 * The office changes a staff account: its name, role, the organizations a leader leads
 * (a non-leader leads none), or whether it may sign in. Deactivating ends every session of
 * the account at once. An office member can neither deactivate nor demote themselves, and
 * the acting office member is re-read under lock, so two office members deactivating each
 * other at the same moment cannot leave the community without an office.
 */
export async function updateStaffUser(
  db: Kysely<Database>,
  {
    staff,
    origin,
    input: { idempotencyKey, ...request },
  }: { staff: StaffActor; origin: string; input: UpdateStaffInput },
): Promise<StaffMember> {
  const { communityId } = staff;
  return runStaffWrite(
    db,
    { staff, origin, operation: 'staff.update', key: idempotencyKey, request },
    async (trx) => {
      const target = await lockActorAndTarget(trx, { staff, staffId: request.staffId });
      const self = target.id === staff.id;
      if (self && (request.active === false || (request.role && request.role !== 'office'))) {
        throw new DomainError('OWN_ACCOUNT');
      }
      const role = request.role ?? target.role;
      if (role !== 'leader' && (request.organizationIds ?? []).length > 0) {
        throw new DomainError(
          'VALIDATION_FAILED',
          'organizationIds: Only a leader leads organizations',
        );
      }
      const changes = {
        ...(request.displayName !== undefined && request.displayName !== target.display_name
          ? { displayName: { from: target.display_name, to: request.displayName } }
          : {}),
        ...(role !== target.role ? { role: { from: target.role, to: role } } : {}),
        ...(request.active !== undefined && request.active !== target.active
          ? { active: { from: target.active, to: request.active } }
          : {}),
      };
      await trx
        .updateTable('staff_users')
        .set({
          display_name: request.displayName ?? target.display_name,
          role,
          active: request.active ?? target.active,
        })
        .where('community_id', '=', communityId)
        .where('id', '=', target.id)
        .execute();
      // A leader's organizations change only when named; anyone else leads none.
      const organizationIds =
        role === 'leader' ? request.organizationIds : target.role === 'leader' ? [] : undefined;
      if (organizationIds) {
        await assertOrganizationsExist(trx, communityId, organizationIds);
        await setLedOrganizations(trx, { communityId, staffId: target.id, organizationIds });
      }
      const endedSessions =
        request.active === false
          ? (await endStaffSessions(trx, { communityId, staffId: target.id })).length
          : 0;
      const [member] = await listStaff(trx, { viewer: staff, staffId: target.id });
      if (!member) throw new Error(`staff ${target.id} vanished while being updated`);
      return {
        result: member,
        audit: {
          target: { type: 'staff_user', id: target.id },
          details: {
            changes,
            ...(organizationIds ? { organizationIds } : {}),
            ...(endedSessions > 0 ? { endedSessions } : {}),
          },
        },
      };
    },
  );
}

/**
 * Locks the acting office member's account and the one being changed (in id order, so two
 * changes cannot deadlock), and checks the actor is still an active office member now that
 * nobody else can change them.
 */
export async function lockActorAndTarget(
  trx: Transaction<Database>,
  { staff, staffId }: { staff: StaffActor; staffId: string },
) {
  const rows = await trx
    .selectFrom('staff_users')
    .select(['id', 'username', 'display_name', 'role', 'active', 'password_hash'])
    .where('community_id', '=', staff.communityId)
    .where('id', 'in', [staff.id, staffId])
    .orderBy('id')
    .forUpdate()
    .execute();
  const actor = rows.find((row) => row.id === staff.id);
  if (!actor?.active || actor.role !== 'office') throw new DomainError('FORBIDDEN');
  const target = rows.find((row) => row.id === staffId);
  if (!target) throw new DomainError('NOT_FOUND', 'That staff account could not be found.');
  return target;
}
