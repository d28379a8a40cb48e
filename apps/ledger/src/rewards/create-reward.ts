import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import type { CreateRewardInput, Reward } from '@tally/domain/rewards';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { recordAudit } from '../common/audit';
import { runIdempotent } from '../common/idempotency';
import { toReward, toRewardTerms } from './reward-rows';

/** Adds a reward to the catalog; its history starts with this first version. */
export async function createReward(
  db: Kysely<Database>,
  {
    staff,
    origin,
    input: { idempotencyKey, ...request },
  }: { staff: StaffActor; origin: string; input: CreateRewardInput },
): Promise<Reward> {
  const { communityId } = staff;
  return runIdempotent(
    db,
    { communityId, key: idempotencyKey, operation: 'rewards.create', request },
    async (trx) => {
      const row = await trx
        .insertInto('rewards')
        .values({
          community_id: communityId,
          id: randomUUID(),
          name: request.name,
          description: request.description,
          kind: request.kind,
          points: request.points,
          stock: request.stock,
          per_resident_limit: request.perResidentLimit,
          active: request.active,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const after = toRewardTerms(row);
      await trx
        .insertInto('reward_changes')
        .values({
          community_id: communityId,
          id: randomUUID(),
          reward_id: row.id,
          changed_by: staff.id,
          before: null,
          after: JSON.stringify(after),
        })
        .execute();
      await recordAudit(trx, {
        communityId,
        actor: { type: 'staff', id: staff.id },
        action: 'rewards.create',
        target: { type: 'reward', id: row.id },
        origin,
        details: after,
      });
      return toReward(row);
    },
  );
}
