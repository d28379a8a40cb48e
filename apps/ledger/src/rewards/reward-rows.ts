import type { Database } from '@tally/db/schema';
import type { Reward, RewardTerms } from '@tally/domain/rewards';
import type { Selectable } from 'kysely';

type RewardRow = Selectable<Database['rewards']>;

export function toRewardTerms(row: RewardRow): RewardTerms {
  return {
    name: { zh: row.name_zh, en: row.name_en },
    description: { zh: row.description_zh, en: row.description_en },
    kind: row.kind,
    points: row.points,
    stock: row.stock,
    perResidentLimit: row.per_resident_limit,
    active: row.active,
  };
}

export function toReward(row: RewardRow, photoUrl: string | null = null): Reward {
  return {
    id: row.id,
    ...toRewardTerms(row),
    photoUrl,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
