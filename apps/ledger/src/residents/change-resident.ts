import type { Database, ResidentsTable } from '@tally/db/schema';
import type { AuditAction } from '@tally/domain/audit';
import { DomainError } from '@tally/domain/errors';
import type { ResidentDetail } from '@tally/domain/residents';
import type { Kysely, Transaction, Updateable } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { runStaffWrite } from '../common/use-case';
import { getResident } from './get-resident';

/**
 * The shape every office edit of a resident shares: exactly once, scoped to
 * the office's community (another community's resident is NOT_FOUND), one
 * audit entry, and the resident as it now is.
 */
export async function changeResident(
  db: Kysely<Database>,
  {
    staff,
    origin,
    idempotencyKey,
    operation,
    request,
    residentId,
    changes,
    details,
    afterChange,
  }: {
    staff: StaffActor;
    origin: string;
    idempotencyKey: string;
    /** The procedure name, also the audit action. */
    operation: AuditAction;
    /** What identifies the request for replays; never a secret. */
    request: Record<string, unknown>;
    residentId: string;
    changes: Updateable<ResidentsTable>;
    /** What the audit entry records; never a secret. */
    details: Record<string, unknown>;
    afterChange?: (trx: Transaction<Database>) => Promise<void>;
  },
): Promise<ResidentDetail> {
  const { communityId } = staff;
  return runStaffWrite(
    db,
    { staff, origin, operation, key: idempotencyKey, request },
    async (trx) => {
      const changed = await trx
        .updateTable('residents')
        .set(changes)
        .where('community_id', '=', communityId)
        .where('id', '=', residentId)
        .returning('id')
        .executeTakeFirst();
      if (!changed) throw new DomainError('NOT_FOUND', 'That resident could not be found.');
      await afterChange?.(trx);
      return {
        result: await getResident(trx, staff, residentId),
        audit: { target: { type: 'resident', id: residentId }, details },
      };
    },
  );
}
