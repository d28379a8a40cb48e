import type { Database } from '@tally/db/schema';
import { DomainError, isDomainError } from '@tally/domain/errors';
import type { DonateOutput } from '@tally/domain/kiosk';
import { inLanguage } from '@tally/domain/localized-text';
import type { Kysely } from 'kysely';
import { type ResidentSession, residentLedgerActor } from '../auth/actors';
import { postingKey, runResidentWrite } from '../common/use-case';
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
  return runResidentWrite(
    db,
    {
      session,
      origin,
      operation: session.phone ? 'me.donate' : 'kiosk.donate',
      key: idempotencyKey,
      request: { goalId, points },
    },
    async (trx) => {
      const goal = await trx
        .selectFrom('goals')
        .select(['title_zh', 'title_en', 'status', 'target_points', 'account_id'])
        .where('community_id', '=', communityId)
        .where('id', '=', goalId)
        .forShare()
        .executeTakeFirst();
      if (!goal) throw new DomainError('NOT_FOUND', 'That goal could not be found.');
      // Memos are written in English for now; the title in English, or as given.
      const title = inLanguage({ zh: goal.title_zh, en: goal.title_en }, 'en');
      if (goal.status !== 'open') {
        throw new DomainError('GOAL_CLOSED', `${title} is closed to donations.`);
      }
      const resident = await trx
        .selectFrom('residents')
        .select('points_account_id')
        .where('community_id', '=', communityId)
        .where('id', '=', residentId)
        .executeTakeFirstOrThrow();
      const posted = await postTransaction(trx, {
        communityId,
        idempotencyKey: postingKey(idempotencyKey, 'donation'),
        kind: 'donation',
        actor: residentLedgerActor(session),
        memo: `Donation to ${title}`,
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
      // Both balances in one statement: the chain is held from the posting to the commit.
      const balances = await trx
        .selectFrom('ledger_accounts')
        .select(['id', 'balance'])
        .where('community_id', '=', communityId)
        .where('id', 'in', [resident.points_account_id, goal.account_id])
        .execute();
      const balanceOf = (id: string) => Number(balances.find((a) => a.id === id)?.balance ?? 0);
      return {
        result: {
          pointsAfter: balanceOf(resident.points_account_id),
          goalRaised: balanceOf(goal.account_id),
          goalTarget: goal.target_points,
        },
        audit: {
          target: { type: 'goal', id: goalId },
          details: { residentId, points, transactionId: posted.id },
        },
      };
    },
  );
}
