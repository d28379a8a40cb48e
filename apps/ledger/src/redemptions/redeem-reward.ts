import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import { DomainError, isDomainError } from '@tally/domain/errors';
import type { RedeemOutput } from '@tally/domain/kiosk';
import type { Kysely, Transaction } from 'kysely';
import { type ResidentSession, residentLedgerActor } from '../auth/actors';
import { recordAudit } from '../common/audit';
import { runIdempotent } from '../common/idempotency';
import { communityAccounts } from '../communities/create-community';
import { getAccount } from '../ledger/accounts';
import { postTransaction } from '../ledger/post-transaction';
import { insertWithPickupCode } from './pickup-codes';

/**
 * A resident redeems points for a reward, all in one database transaction:
 * the reward row is locked first, so redemptions of one reward queue up and
 * each sees the stock and the resident's count the one before it left; the
 * ledger posting refuses to overdraw the resident, whatever else is running;
 * and the database refuses a negative stock. Locks are taken in one order
 * (reward, then accounts, then the community's chain) so redemptions and
 * cancellations cannot deadlock.
 */
export async function redeemReward(
  db: Kysely<Database>,
  {
    session,
    origin,
    idempotencyKey,
    rewardId,
    quantity,
  }: {
    session: ResidentSession;
    origin: string;
    idempotencyKey: string;
    rewardId: string;
    quantity: number;
  },
): Promise<RedeemOutput> {
  const { communityId, residentId } = session;
  return runIdempotent(
    db,
    {
      communityId,
      key: idempotencyKey,
      operation: 'kiosk.redeem',
      // The resident is part of the request: another resident's retry of this key is a conflict.
      request: { residentId, rewardId, quantity },
    },
    async (trx) => {
      const reward = await trx
        .selectFrom('rewards')
        .select(['name', 'points', 'stock', 'per_resident_limit', 'active'])
        .where('community_id', '=', communityId)
        .where('id', '=', rewardId)
        .forUpdate()
        .executeTakeFirst();
      if (!reward?.active) {
        throw new DomainError('NOT_FOUND', 'This reward is not offered right now.');
      }
      if (reward.stock < quantity) {
        throw new DomainError(
          'OUT_OF_STOCK',
          reward.stock === 0
            ? `${reward.name} is out of stock.`
            : `Only ${reward.stock} of ${reward.name} left.`,
          { stock: reward.stock },
        );
      }
      if (reward.per_resident_limit !== null) {
        const held = await quantityHeld(trx, { communityId, residentId, rewardId });
        if (held + quantity > reward.per_resident_limit) {
          const left = Math.max(0, reward.per_resident_limit - held);
          throw new DomainError(
            'LIMIT_REACHED',
            `Each resident may redeem ${reward.per_resident_limit} of ${reward.name}; you may redeem ${left} more.`,
            { limit: reward.per_resident_limit, left },
          );
        }
      }

      const resident = await trx
        .selectFrom('residents')
        .select('points_account_id')
        .where('community_id', '=', communityId)
        .where('id', '=', residentId)
        .executeTakeFirstOrThrow();
      const points = reward.points * quantity;
      const balance = (await getAccount(trx, communityId, resident.points_account_id)).balance;
      // Checked here for a clear message; the ledger still has the last word under a race.
      if (balance < points) throw insufficientPoints(points, balance);

      const redemptionId = randomUUID();
      const { redemptionSink } = await communityAccounts(trx, communityId);
      const posted = await postTransaction(trx, {
        communityId,
        idempotencyKey: `${idempotencyKey}:redemption:${redemptionId}`,
        kind: 'redemption',
        actor: residentLedgerActor(session),
        memo: `${reward.name} × ${quantity}`,
        reference: { type: 'redemption', id: redemptionId },
        postings: [
          { accountId: resident.points_account_id, amount: -points },
          { accountId: redemptionSink, amount: points },
        ],
      }).catch((error: unknown) => {
        throw isDomainError(error, 'INSUFFICIENT_POINTS') ? insufficientPoints(points) : error;
      });

      await trx
        .updateTable('rewards')
        .set((eb) => ({ stock: eb('stock', '-', quantity) }))
        .where('community_id', '=', communityId)
        .where('id', '=', rewardId)
        .execute();
      const pickupCode = await insertWithPickupCode(trx, {
        community_id: communityId,
        id: redemptionId,
        reward_id: rewardId,
        resident_id: residentId,
        kiosk_id: session.kioskId,
        quantity,
        points,
        transaction_id: posted.id,
      });
      await recordAudit(trx, {
        communityId,
        actor: { type: 'kiosk', id: session.kioskId },
        action: 'kiosk.redeem',
        target: { type: 'redemption', id: redemptionId },
        origin,
        details: { residentId, rewardId, quantity, points, transactionId: posted.id },
      });
      const after = await getAccount(trx, communityId, resident.points_account_id);
      return {
        redemptionId,
        pickupCode,
        pointsAfter: after.balance,
        rewardName: reward.name,
        quantity,
        points,
      };
    },
  );
}

function insufficientPoints(needed: number, balance?: number): DomainError {
  return new DomainError(
    'INSUFFICIENT_POINTS',
    balance === undefined
      ? `This needs ${needed} points, more than you have.`
      : `This needs ${needed} points; you have ${balance}.`,
    { pointsNeeded: needed, ...(balance === undefined ? {} : { pointsAvailable: balance }) },
  );
}

/** How many of a reward the resident holds or has been handed: cancelled redemptions don't count. */
async function quantityHeld(
  trx: Transaction<Database>,
  {
    communityId,
    residentId,
    rewardId,
  }: { communityId: string; residentId: string; rewardId: string },
): Promise<number> {
  const row = await trx
    .selectFrom('redemptions')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('quantity'), eb.lit(0)).as('held'))
    .where('community_id', '=', communityId)
    .where('resident_id', '=', residentId)
    .where('reward_id', '=', rewardId)
    .where('status', '<>', 'cancelled')
    .executeTakeFirstOrThrow();
  return Number(row.held);
}
