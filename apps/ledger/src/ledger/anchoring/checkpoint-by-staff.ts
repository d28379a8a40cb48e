import type { Database } from '@tally/db/schema';
import type { Checkpoint } from '@tally/domain/checkpoints';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../../auth/actors';
import { recordAudit } from '../../common/audit';
import { runIdempotent } from '../../common/idempotency';
import { makeCheckpoint } from './make-checkpoint';

/** The office signs the ledger as it stands now (e.g. before printing the poster), audited. */
export async function checkpointByStaff(
  db: Kysely<Database>,
  { staff, origin, idempotencyKey }: { staff: StaffActor; origin: string; idempotencyKey: string },
): Promise<Checkpoint> {
  const { communityId } = staff;
  return runIdempotent(
    db,
    { communityId, key: idempotencyKey, operation: 'ledger.checkpoint', request: {} },
    async (trx) => {
      const checkpoint = await makeCheckpoint(trx, communityId);
      await recordAudit(trx, {
        communityId,
        actor: { type: 'staff', id: staff.id },
        action: 'ledger.checkpoint',
        target: { type: 'ledger_checkpoint', id: String(checkpoint.sequence) },
        origin,
        details: { sequence: checkpoint.sequence, code: checkpoint.code },
      });
      return checkpoint;
    },
  );
}
