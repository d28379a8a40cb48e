import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import type { CreateGoalInput, Goal } from '@tally/domain/goals';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { runStaffWrite } from '../common/use-case';
import { openAccount } from '../ledger/accounts';

/** Opens a community goal with its own points pool, which donations fill and nothing overdraws. */
export async function createGoal(
  db: Kysely<Database>,
  {
    staff,
    origin,
    input: { idempotencyKey, ...request },
  }: { staff: StaffActor; origin: string; input: CreateGoalInput },
): Promise<Goal> {
  const { communityId } = staff;
  return runStaffWrite(
    db,
    { staff, origin, operation: 'goals.create', key: idempotencyKey, request },
    async (trx) => {
      const id = randomUUID();
      const pool = await openAccount(trx, {
        communityId,
        unit: 'points',
        ownerType: 'goal_pool',
        ownerId: id,
        minBalance: 0,
      });
      const row = await trx
        .insertInto('goals')
        .values({
          community_id: communityId,
          id,
          title_zh: request.title.zh,
          title_en: request.title.en,
          description_zh: request.description.zh,
          description_en: request.description.en,
          target_points: request.targetPoints,
          account_id: pool.id,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const goal: Goal = {
        id,
        title: { zh: row.title_zh, en: row.title_en },
        description: { zh: row.description_zh, en: row.description_en },
        targetPoints: row.target_points,
        raisedPoints: 0,
        status: row.status,
        createdAt: row.created_at.toISOString(),
        closedAt: null,
      };
      return {
        result: goal,
        audit: {
          target: { type: 'goal', id },
          details: { title: request.title, targetPoints: request.targetPoints },
        },
      };
    },
  );
}
