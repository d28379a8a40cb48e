import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { Redemption } from '@tally/domain/redemptions';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { runStaffWrite } from '../common/use-case';
import { findRedemption } from './list-redemptions';

/** Locks an issued redemption for a change of status; anything else cannot change again. */
export async function lockIssuedRedemption(
  trx: Transaction<Database>,
  { communityId, id }: { communityId: string; id: string },
) {
  const row = await trx
    .selectFrom('redemptions')
    .select(['reward_id', 'resident_id', 'quantity', 'points', 'status', 'transaction_id'])
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', 'That redemption could not be found.');
  if (row.status !== 'issued') {
    throw new DomainError(
      'REDEMPTION_CLOSED',
      row.status === 'fulfilled'
        ? 'This redemption was already handed out.'
        : 'This redemption was cancelled.',
      { status: row.status },
    );
  }
  return row;
}

/** The office hands the reward over: an issued redemption becomes fulfilled. */
export async function fulfilRedemption(
  db: Kysely<Database>,
  {
    staff,
    origin,
    input: { idempotencyKey, redemptionId },
  }: { staff: StaffActor; origin: string; input: { idempotencyKey: string; redemptionId: string } },
): Promise<Redemption> {
  const { communityId } = staff;
  return runStaffWrite(
    db,
    {
      staff,
      origin,
      operation: 'redemptions.fulfil',
      key: idempotencyKey,
      request: { redemptionId },
    },
    async (trx) => {
      await lockIssuedRedemption(trx, { communityId, id: redemptionId });
      await trx
        .updateTable('redemptions')
        .set({ status: 'fulfilled', fulfilled_at: sql<Date>`now()` })
        .where('community_id', '=', communityId)
        .where('id', '=', redemptionId)
        .execute();
      return {
        result: await findRedemption(trx, { communityId, id: redemptionId }),
        audit: { target: { type: 'redemption', id: redemptionId } },
      };
    },
  );
}
