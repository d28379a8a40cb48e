import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { Goal } from '@tally/domain/goals';
import { type Kysely, sql } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { runStaffWrite } from '../common/use-case';
import { findGoal } from './list-goals';

/**
 * Closes a goal to further donations. What it raised stays in its pool. The row
 * is locked so no donation that saw the goal open can land after it closed.
 */
export async function closeGoal(
  db: Kysely<Database>,
  {
    staff,
    origin,
    input: { idempotencyKey, id },
  }: { staff: StaffActor; origin: string; input: { idempotencyKey: string; id: string } },
): Promise<Goal> {
  const { communityId } = staff;
  return runStaffWrite(
    db,
    { staff, origin, operation: 'goals.close', key: idempotencyKey, request: { id } },
    async (trx) => {
      const goal = await trx
        .selectFrom('goals')
        .select(['status'])
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!goal) throw new DomainError('NOT_FOUND', 'That goal could not be found.');
      if (goal.status === 'closed')
        throw new DomainError('GOAL_CLOSED', 'This goal is already closed.');
      await trx
        .updateTable('goals')
        .set({ status: 'closed', closed_at: sql<Date>`now()` })
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .execute();
      const closed = await findGoal(trx, { communityId, id });
      if (!closed) throw new DomainError('NOT_FOUND');
      return { result: closed, audit: { target: { type: 'goal', id } } };
    },
  );
}
