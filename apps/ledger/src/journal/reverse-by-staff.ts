import type { Database } from '@tally/db/schema';
import type { Kysely } from 'kysely';
import { type StaffActor, staffLedgerActor } from '../auth/actors';
import { postingKey, runStaffWrite } from '../common/use-case';
import { reverseTransaction } from '../ledger/reverse-transaction';

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
  return runStaffWrite(
    db,
    {
      staff,
      origin,
      operation: 'ledger.reverse',
      key: idempotencyKey,
      request: { transactionId, reason },
    },
    async (trx) => {
      const reversal = await reverseTransaction(trx, {
        communityId: staff.communityId,
        idempotencyKey: postingKey(idempotencyKey, 'reversal'),
        transactionId,
        actor: staffLedgerActor(staff, origin),
        reason,
      });
      return {
        result: { transactionId: reversal.id, sequence: reversal.sequence },
        audit: {
          target: { type: 'ledger_transaction', id: transactionId },
          details: { reversal: reversal.id, reason },
        },
      };
    },
  );
}
