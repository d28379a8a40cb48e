import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import type { CreateGoalInput, Goal } from '@tally/domain/goals';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { recordAudit } from '../common/audit';
import { runIdempotent } from '../common/idempotency';
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
  return runIdempotent(
    db,
    { communityId, key: idempotencyKey, operation: 'goals.create', request },
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
          title: request.title,
          description: request.description,
          target_points: request.targetPoints,
          account_id: pool.id,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        communityId,
        actor: { type: 'staff', id: staff.id },
        action: 'goals.create',
        target: { type: 'goal', id },
        origin,
        details: { title: request.title, targetPoints: request.targetPoints },
      });
      return {
        id,
        title: row.title,
        description: row.description,
        targetPoints: row.target_points,
        raisedPoints: 0,
        status: row.status,
        createdAt: row.created_at.toISOString(),
        closedAt: null,
      };
    },
  );
}
