import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import type { CreateRewardInput, Reward } from '@tally/domain/rewards';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { runStaffWrite } from '../common/use-case';
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
  return runStaffWrite(
    db,
    { staff, origin, operation: 'rewards.create', key: idempotencyKey, request },
    async (trx) => {
      const row = await trx
        .insertInto('rewards')
        .values({
          community_id: communityId,
          id: randomUUID(),
          name_zh: request.name.zh,
          name_en: request.name.en,
          description_zh: request.description.zh,
          description_en: request.description.en,
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
      return {
        result: toReward(row),
        audit: { target: { type: 'reward', id: row.id }, details: after },
      };
    },
  );
}
