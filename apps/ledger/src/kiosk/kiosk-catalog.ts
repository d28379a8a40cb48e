import type { Database } from '@tally/db/schema';
import type { CatalogItem } from '@tally/domain/kiosk';
import type { Kysely } from 'kysely';
import type { ResidentSession } from '../auth/actors';
import { rewardPhotoUrls } from '../rewards/reward-photos';
import { kioskResident } from './kiosk-resident';

/**
 * What the identified resident can redeem: active rewards, each with whether
 * they can afford one and how far they are from it, and how many more they may
 * take under the reward's per-resident limit. Sold-out rewards come last (stock
 * 0): the kiosk shows them dimmed, so a favourite that ran out does not seem to
 * have vanished.
 */
export async function kioskCatalog(
  db: Kysely<Database>,
  session: ResidentSession,
): Promise<CatalogItem[]> {
  const { communityId, residentId } = session;
  const { points: balance } = await kioskResident(db, { communityId, residentId });
  const rewards = await db
    .selectFrom('rewards')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('active', '=', true)
    .orderBy((eb) => eb.case().when('stock', '>', 0).then(0).else(1).end())
    .orderBy('points')
    .orderBy('name_zh')
    .orderBy('name_en')
    .execute();
  const taken = await db
    .selectFrom('redemptions')
    .select(['reward_id', (eb) => eb.fn.sum<number>('quantity').as('quantity')])
    .where('community_id', '=', communityId)
    .where('resident_id', '=', residentId)
    .where('status', '<>', 'cancelled')
    .groupBy('reward_id')
    .execute();
  const photos = await rewardPhotoUrls(db, communityId);
  return rewards.map((reward) => {
    const held = Number(taken.find((t) => t.reward_id === reward.id)?.quantity ?? 0);
    const pointsShort = Math.max(0, reward.points - balance);
    return {
      id: reward.id,
      name: { zh: reward.name_zh, en: reward.name_en },
      description: { zh: reward.description_zh, en: reward.description_en },
      kind: reward.kind,
      points: reward.points,
      stock: reward.stock,
      perResidentLimit: reward.per_resident_limit,
      photoUrl: photos.get(reward.id) ?? null,
      affordable: pointsShort === 0,
      pointsShort,
      limitLeft:
        reward.per_resident_limit === null ? null : Math.max(0, reward.per_resident_limit - held),
    };
  });
}
