import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { StaffMember } from '@tally/domain/staff';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { runStaffWrite } from '../common/use-case';
import { listStaff } from './list-staff';
import { accountsLinkedTo } from './staff-control';
import { lockActorAndTarget } from './update-staff-user';

/**
 * A second office member vouches that an account opened or reset by someone else belongs to
 * a different person: its controllers no longer control it (see staff-control.ts). Only an
 * office member not linked to the account may confirm it — never whoever opened or reset it,
 * nor an account they control.
 */
export async function confirmStaffUser(
  db: Kysely<Database>,
  {
    staff,
    origin,
    idempotencyKey,
    staffId,
  }: { staff: StaffActor; origin: string; idempotencyKey: string; staffId: string },
): Promise<StaffMember> {
  const { communityId } = staff;
  return runStaffWrite(
    db,
    { staff, origin, operation: 'staff.confirm', key: idempotencyKey, request: { staffId } },
    async (trx) => {
      await lockActorAndTarget(trx, { staff, staffId });
      const controllers = await trx
        .selectFrom('staff_controllers')
        .select('controller_id')
        .where('community_id', '=', communityId)
        .where('staff_id', '=', staffId)
        .execute();
      if (controllers.length === 0) throw new DomainError('ALREADY_CONFIRMED');
      const linked = await accountsLinkedTo(trx, {
        communityId,
        accountId: staff.id,
        candidateIds: [staffId],
      });
      if (staffId === staff.id || linked.has(staffId)) {
        throw new DomainError('CONFIRMER_NOT_INDEPENDENT');
      }
      await trx
        .deleteFrom('staff_controllers')
        .where('community_id', '=', communityId)
        .where('staff_id', '=', staffId)
        .execute();
      const [member] = await listStaff(trx, { viewer: staff, staffId });
      if (!member) throw new Error(`staff ${staffId} vanished while being confirmed`);
      return {
        result: member,
        audit: {
          target: { type: 'staff_user', id: staffId },
          details: { controllers: controllers.map((row) => row.controller_id) },
        },
      };
    },
  );
}
