import type { Database } from '@tally/db/schema';
import type { Checkpoint } from '@tally/domain/checkpoints';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { runStaffWrite } from '../common/use-case';
import { makeCheckpoint } from '../ledger/anchoring/make-checkpoint';

/** The office signs the ledger as it stands now (e.g. before printing the poster), audited. */
export async function checkpointByStaff(
  db: Kysely<Database>,
  { staff, origin, idempotencyKey }: { staff: StaffActor; origin: string; idempotencyKey: string },
): Promise<Checkpoint> {
  return runStaffWrite(
    db,
    { staff, origin, operation: 'ledger.checkpoint', key: idempotencyKey, request: {} },
    async (trx) => {
      const checkpoint = await makeCheckpoint(trx, staff.communityId);
      return {
        result: checkpoint,
        audit: {
          target: { type: 'ledger_checkpoint', id: String(checkpoint.sequence) },
          details: { sequence: checkpoint.sequence, code: checkpoint.code },
        },
      };
    },
  );
}
