import type { Database } from '@tally/db/schema';
import type { Redemption } from '@tally/domain/redemptions';
import { type Kysely, sql } from 'kysely';
import { type StaffActor, staffLedgerActor } from '../auth/actors';
import { postingKey, runStaffWrite } from '../common/use-case';
import { reverseTransaction } from '../ledger/reverse-transaction';
import { lockIssuedRedemption } from './fulfil-redemption';
import { findRedemption } from './list-redemptions';

/**
 * Cancels an issued redemption: the points go back by reversing its ledger
 * transaction, and the stock goes back on the shelf, in one transaction. The
 * reward row is locked before the ledger is touched, in the same order a
 * redemption takes its locks, so the two cannot deadlock.
 */
export async function cancelRedemption(
  db: Kysely<Database>,
  {
    staff,
    origin,
    input: { idempotencyKey, redemptionId, reason },
  }: {
    staff: StaffActor;
    origin: string;
    input: { idempotencyKey: string; redemptionId: string; reason: string };
  },
): Promise<Redemption> {
  const { communityId } = staff;
  return runStaffWrite(
    db,
    {
      staff,
      origin,
      operation: 'redemptions.cancel',
      key: idempotencyKey,
      request: { redemptionId, reason },
    },
    async (trx) => {
      const redemption = await lockIssuedRedemption(trx, { communityId, id: redemptionId });
      await trx
        .selectFrom('rewards')
        .select('id')
        .where('community_id', '=', communityId)
        .where('id', '=', redemption.reward_id)
        .forUpdate()
        .execute();
      const reversal = await reverseTransaction(trx, {
        communityId,
        idempotencyKey: postingKey(idempotencyKey, `cancel:${redemptionId}`),
        transactionId: redemption.transaction_id,
        actor: staffLedgerActor(staff, origin),
        reason,
      });
      await trx
        .updateTable('rewards')
        .set((eb) => ({
          stock: eb('stock', '+', redemption.quantity),
          updated_at: sql<Date>`now()`,
        }))
        .where('community_id', '=', communityId)
        .where('id', '=', redemption.reward_id)
        .execute();
      await trx
        .updateTable('redemptions')
        .set({
          status: 'cancelled',
          cancelled_at: sql<Date>`now()`,
          cancel_reason: reason,
          cancel_transaction_id: reversal.id,
        })
        .where('community_id', '=', communityId)
        .where('id', '=', redemptionId)
        .execute();
      return {
        result: await findRedemption(trx, { communityId, id: redemptionId }),
        audit: {
          target: { type: 'redemption', id: redemptionId },
          details: {
            reason,
            residentId: redemption.resident_id,
            points: redemption.points,
            quantity: redemption.quantity,
            reversalTransactionId: reversal.id,
          },
        },
      };
    },
  );
}
