import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { Reward, RewardChange, RewardTerms } from '@tally/domain/rewards';
import type { Kysely } from 'kysely';
import { rewardPhotoUrls } from './reward-photos';
import { toReward } from './reward-rows';

/** The whole catalog for the office: active rewards first, then by name. */
export async function listRewards(db: Kysely<Database>, communityId: string): Promise<Reward[]> {
  const rows = await db
    .selectFrom('rewards')
    .selectAll()
    .where('community_id', '=', communityId)
    .orderBy('active', 'desc')
    .orderBy('name_zh')
    .orderBy('name_en')
    .orderBy('id')
    .execute();
  const photos = await rewardPhotoUrls(db, communityId);
  return rows.map((row) => toReward(row, photos.get(row.id) ?? null));
}

/** Every change to a reward's terms, oldest first, starting with its creation. */
export async function rewardHistory(
  db: Kysely<Database>,
  { communityId, rewardId }: { communityId: string; rewardId: string },
): Promise<RewardChange[]> {
  const reward = await db
    .selectFrom('rewards')
    .select('id')
    .where('community_id', '=', communityId)
    .where('id', '=', rewardId)
    .executeTakeFirst();
  if (!reward) throw new DomainError('NOT_FOUND', 'That reward could not be found.');
  const rows = await db
    .selectFrom('reward_changes as c')
    .leftJoin('staff_users as s', (join) =>
      join.onRef('s.community_id', '=', 'c.community_id').onRef('s.id', '=', 'c.changed_by'),
    )
    .select([
      'c.id',
      'c.reward_id',
      'c.changed_at',
      'c.changed_by',
      's.display_name',
      'c.before',
      'c.after',
    ])
    .where('c.community_id', '=', communityId)
    .where('c.reward_id', '=', rewardId)
    .orderBy('c.changed_at')
    .orderBy('c.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    rewardId: row.reward_id,
    changedAt: row.changed_at.toISOString(),
    changedBy: row.changed_by,
    changedByName: row.display_name,
    before: row.before as RewardTerms | null,
    after: row.after as RewardTerms,
  }));
}
