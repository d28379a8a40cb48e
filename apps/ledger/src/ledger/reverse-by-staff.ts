import type { Database } from '@tally/db/schema';
import type { Kysely } from 'kysely';
import { type StaffActor, staffLedgerActor } from '../auth/actors';
import { recordAudit } from '../common/audit';
import { runIdempotent } from '../common/idempotency';
import { reverseTransaction } from './reverse-transaction';

/** The office corrects a mistake: a reversal transaction, audited, exactly once. */
export async function reverseByStaff(
  db: Kysely<Database>,
  {
    staff,
    origin,
    idempotencyKey,
    transactionId,
    reason,
  }: {
    staff: StaffActor;
    origin: string;
    idempotencyKey: string;
    transactionId: string;
    reason: string;
  },
): Promise<{ transactionId: string; sequence: number }> {
  const { communityId } = staff;
  return runIdempotent(
    db,
    {
      communityId,
      key: idempotencyKey,
      operation: 'ledger.reverse',
      request: { transactionId, reason },
    },
    async (trx) => {
      const reversal = await reverseTransaction(trx, {
        communityId,
        idempotencyKey: `${idempotencyKey}:reversal`,
        transactionId,
        actor: staffLedgerActor(staff, origin),
        reason,
      });
      await recordAudit(trx, {
        communityId,
        actor: { type: 'staff', id: staff.id },
        action: 'ledger.reverse',
        target: { type: 'ledger_transaction', id: transactionId },
        origin,
        details: { reversal: reversal.id, reason },
      });
      return { transactionId: reversal.id, sequence: reversal.sequence };
    },
  );
}
