import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../../src/auth/actors';
import { newToken } from '../../src/auth/secrets';
import { createGoal } from '../../src/goals/create-goal';
import { registerKioskWithToken } from '../../src/kiosk-devices/register-kiosk';
import { createReward } from '../../src/rewards/create-reward';
import { goalsToCreate, KIOSKS, rewardsToCreate } from './catalog';
import type { YearCommunity } from './community';

const ORIGIN = 'bench-data';
const noText = { zh: '', en: '' };

/** The office opens the shop and the goals, and registers the kiosks, as it would through the API. */
export async function openShop(
  db: Kysely<Database>,
  { communityId, office }: { communityId: string; office: StaffActor },
): Promise<Pick<YearCommunity, 'rewards' | 'goals' | 'kiosks'>> {
  const key = () => `bench-${randomUUID()}`;
  const rewards = [];
  for (const reward of rewardsToCreate) {
    const input = { idempotencyKey: key(), ...reward, description: noText, stock: 500 };
    const made = await createReward(db, {
      staff: office,
      origin: ORIGIN,
      input: { ...input, perResidentLimit: null, active: true },
    });
    rewards.push({ id: made.id, name: reward.name, points: reward.points });
  }
  const goals = [];
  for (const goal of goalsToCreate) {
    const input = { idempotencyKey: key(), ...goal, description: noText };
    const made = await createGoal(db, { staff: office, origin: ORIGIN, input });
    const { account_id: accountId } = await db
      .selectFrom('goals')
      .select('account_id')
      .where('community_id', '=', communityId)
      .where('id', '=', made.id)
      .executeTakeFirstOrThrow();
    goals.push({ ...goal, id: made.id, accountId });
  }
  const kiosks = [];
  for (let i = 1; i <= KIOSKS; i++) {
    const token = newToken('kioskDevice');
    kiosks.push((await registerKioskWithToken(db, { communityId, name: `Kiosk ${i}`, token })).id);
  }
  return { rewards, goals, kiosks };
}
