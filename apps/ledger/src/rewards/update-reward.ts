import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { Reward, UpdateRewardInput } from '@tally/domain/rewards';
import { type Kysely, sql } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { runStaffWrite } from '../common/use-case';
import { rewardPhotoUrls } from './reward-photos';
import { toReward, toRewardTerms } from './reward-rows';

/**
 * Changes a reward's terms. The row holds the current terms; every change is
 * also kept in reward_changes, before and after, so a price or stock can be
 * traced back. The row is locked so a redemption in flight cannot interleave
 * between the "before" read and the write.
 */
export async function updateReward(
  db: Kysely<Database>,
  {
    staff,
    origin,
    input: { idempotencyKey, id, ...changes },
  }: { staff: StaffActor; origin: string; input: UpdateRewardInput },
): Promise<Reward> {
  const { communityId } = staff;
  return runStaffWrite(
    db,
    {
      staff,
      origin,
      operation: 'rewards.update',
      key: idempotencyKey,
      request: { id, ...changes },
    },
    async (trx) => {
      const current = await trx
        .selectFrom('rewards')
        .selectAll()
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!current) throw new DomainError('NOT_FOUND', 'That reward could not be found.');
      const row = await trx
        .updateTable('rewards')
        .set({
          ...(changes.name !== undefined
            ? { name_zh: changes.name.zh, name_en: changes.name.en }
            : {}),
          ...(changes.description !== undefined
            ? { description_zh: changes.description.zh, description_en: changes.description.en }
            : {}),
          ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
          ...(changes.points !== undefined ? { points: changes.points } : {}),
          ...(changes.stock !== undefined ? { stock: changes.stock } : {}),
          ...(changes.perResidentLimit !== undefined
            ? { per_resident_limit: changes.perResidentLimit }
            : {}),
          ...(changes.active !== undefined ? { active: changes.active } : {}),
          updated_at: sql<Date>`now()`,
        })
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const before = toRewardTerms(current);
      const after = toRewardTerms(row);
      await trx
        .insertInto('reward_changes')
        .values({
          community_id: communityId,
          id: randomUUID(),
          reward_id: id,
          changed_by: staff.id,
          before: JSON.stringify(before),
          after: JSON.stringify(after),
        })
        .execute();
      const photos = await rewardPhotoUrls(trx, communityId);
      return {
        result: toReward(row, photos.get(id) ?? null),
        audit: { target: { type: 'reward', id }, details: { before, after } },
      };
    },
  );
}
