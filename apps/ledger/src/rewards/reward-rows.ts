import type { Database } from '@tally/db/schema';
import type { Reward, RewardTerms } from '@tally/domain/rewards';
import type { Selectable } from 'kysely';

type RewardRow = Selectable<Database['rewards']>;

export function toRewardTerms(row: RewardRow): RewardTerms {
  return {
    name: row.name,
    description: row.description,
    kind: row.kind,
    points: row.points,
    stock: row.stock,
    perResidentLimit: row.per_resident_limit,
    active: row.active,
  };
}

export function toReward(row: RewardRow): Reward {
  return {
    id: row.id,
    ...toRewardTerms(row),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
