import type { Database } from '@tally/db/schema';
import { DomainError, isDomainError } from '@tally/domain/errors';
import type { DonateOutput } from '@tally/domain/kiosk';
import type { Kysely } from 'kysely';
import { type ResidentSession, residentLedgerActor } from '../auth/actors';
import { recordAudit } from '../common/audit';
import { runIdempotent } from '../common/idempotency';
import { getAccount } from '../ledger/accounts';
import { postTransaction } from '../ledger/post-transaction';

/**
 * A resident gives points to an open community goal. The goal row is held
 * (shared) while the points move, so closing the goal waits for donations in
 * flight and none lands after it closed.
 */
export async function donateToGoal(
  db: Kysely<Database>,
  {
    session,
    origin,
    idempotencyKey,
    goalId,
    points,
  }: {
    session: ResidentSession;
    origin: string;
    idempotencyKey: string;
    goalId: string;
    points: number;
  },
): Promise<DonateOutput> {
  const { communityId, residentId } = session;
  return runIdempotent(
    db,
    {
      communityId,
      key: idempotencyKey,
      operation: 'kiosk.donate',
      request: { residentId, goalId, points },
    },
    async (trx) => {
      const goal = await trx
        .selectFrom('goals')
        .select(['title', 'status', 'target_points', 'account_id'])
        .where('community_id', '=', communityId)
        .where('id', '=', goalId)
        .forShare()
        .executeTakeFirst();
      if (!goal) throw new DomainError('NOT_FOUND', 'That goal could not be found.');
      if (goal.status !== 'open') {
        throw new DomainError('GOAL_CLOSED', `${goal.title} is closed to donations.`);
      }
      const resident = await trx
        .selectFrom('residents')
        .select('points_account_id')
        .where('community_id', '=', communityId)
        .where('id', '=', residentId)
        .executeTakeFirstOrThrow();
      const posted = await postTransaction(trx, {
        communityId,
        idempotencyKey: `${idempotencyKey}:donation`,
        kind: 'donation',
        actor: residentLedgerActor(session),
        memo: `Donation to ${goal.title}`,
        reference: { type: 'goal', id: goalId },
        postings: [
          { accountId: resident.points_account_id, amount: -points },
          { accountId: goal.account_id, amount: points },
        ],
      }).catch((error: unknown) => {
        if (!isDomainError(error, 'INSUFFICIENT_POINTS')) throw error;
        throw new DomainError(
          'INSUFFICIENT_POINTS',
          `You cannot give ${points} points; that is more than you have.`,
          { pointsNeeded: points },
        );
      });
      await recordAudit(trx, {
        communityId,
        actor: { type: 'kiosk', id: session.kioskId },
        action: 'kiosk.donate',
        target: { type: 'goal', id: goalId },
        origin,
        details: { residentId, points, transactionId: posted.id },
      });
      const [after, pool] = [
        await getAccount(trx, communityId, resident.points_account_id),
        await getAccount(trx, communityId, goal.account_id),
      ];
      return {
        pointsAfter: after.balance,
        goalRaised: pool.balance,
        goalTarget: goal.target_points,
      };
    },
  );
}
