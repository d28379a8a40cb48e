import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import { type Kysely, sql } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { createGoal } from '../goals/create-goal';
import { donateToGoal } from '../goals/donate-to-goal';
import { fulfilRedemption } from '../redemptions/fulfil-redemption';
import { redeemReward } from '../redemptions/redeem-reward';
import { createReward } from '../rewards/create-reward';
import { seededRandom } from './demo-people';
import { seedRewardPhotos } from './seed-reward-photos';

const ORIGIN = 'demo-seed';

const REWARDS = [
  {
    name: { zh: '大米 5 公斤', en: 'Rice 5 kg' },
    kind: 'goods',
    points: 120,
    stock: 20,
    perResidentLimit: 2,
    description: {
      zh: '东北大米，社区办公室领取。',
      en: 'Northeast rice, collected at the community office.',
    },
  },
  {
    name: { zh: '食用油 1.8 升', en: 'Cooking oil 1.8 L' },
    kind: 'goods',
    points: 90,
    stock: 25,
    perResidentLimit: 2,
    description: { zh: '花生油。', en: 'Peanut oil.' },
  },
  {
    name: { zh: '鸡蛋一盒', en: 'A dozen eggs' },
    kind: 'goods',
    points: 30,
    stock: 60,
    perResidentLimit: null,
    description: { zh: '周四集市新鲜鸡蛋。', en: 'Fresh from the Thursday market.' },
  },
  {
    name: { zh: '理发券', en: 'Haircut voucher' },
    kind: 'service',
    points: 50,
    stock: 15,
    perResidentLimit: 1,
    description: {
      zh: '每月第一个周六义剪。',
      en: 'At the volunteer barber stall, first Saturday of the month.',
    },
  },
  {
    name: { zh: '社区菜园一季', en: 'Community garden plot for a season' },
    kind: 'privilege',
    points: 200,
    stock: 4,
    perResidentLimit: 1,
    description: { zh: '屋顶菜园 2 平方米。', en: 'A 2 m² plot in the rooftop garden.' },
  },
  {
    name: { zh: '环保购物袋', en: 'Reusable shopping bag' },
    kind: 'goods',
    points: 20,
    stock: 3,
    perResidentLimit: null,
    description: { zh: '印有青桐社区标志。', en: 'Printed with the Q Community logo.' },
  },
] as const;

/**
 * The rewards shop and a community goal, with some history: residents have
 * redeemed rewards (some handed out already) and given points to the goal,
 * through the same functions the kiosk calls.
 */
export async function seedShop(
  db: Kysely<Database>,
  {
    communityId,
    office,
    kioskId,
    residentIds,
  }: { communityId: string; office: StaffActor; kioskId: string; residentIds: string[] },
): Promise<void> {
  const key = () => `demo-${randomUUID()}`;
  const rewards = [];
  for (const reward of REWARDS) {
    rewards.push(
      await createReward(db, {
        staff: office,
        origin: ORIGIN,
        input: { idempotencyKey: key(), active: true, ...reward },
      }),
    );
  }
  const [rice, , eggs] = rewards;
  if (rice && eggs) {
    await seedRewardPhotos(db, { communityId, office, rice: rice.id, eggs: eggs.id });
  }
  const benches = await createGoal(db, {
    staff: office,
    origin: ORIGIN,
    input: {
      idempotencyKey: key(),
      title: { zh: '庭院长椅', en: 'Benches for the courtyard' },
      description: {
        zh: '在梧桐树下安放六张木长椅，方便老人散步歇脚。',
        en: 'Six wooden benches under the plane trees, so older neighbours can rest on their walk.',
      },
      targetPoints: 3000,
    },
  });
  await createGoal(db, {
    staff: office,
    origin: ORIGIN,
    input: {
      idempotencyKey: key(),
      title: { zh: '儿童读书角', en: "Children's reading corner" },
      description: {
        zh: '在活动室添置书架、坐垫和 200 本图书。',
        en: 'Shelves, cushions and 200 books in the community hall.',
      },
      targetPoints: 1500,
    },
  });

  // The goals were opened in the summer, so every poster of the last months shows them.
  await sql`update goals set created_at = now() - interval '100 days'
             where community_id = ${communityId}`.execute(db);

  const random = seededRandom(99);
  const session = (residentId: string) => ({ residentId, communityId, kioskId, tokenHash: '' });
  // Residents Q0012–Q0030 spend and give; the core ten keep their points for the demo.
  for (const residentId of residentIds.slice(11, 30)) {
    const reward = rewards[Math.floor(random() * 4)];
    if (reward) {
      const redemption = await redeemReward(db, {
        session: session(residentId),
        origin: ORIGIN,
        idempotencyKey: key(),
        rewardId: reward.id,
        quantity: 1,
      }).catch(() => undefined);
      if (redemption && random() < 0.6) {
        await fulfilRedemption(db, {
          staff: office,
          origin: ORIGIN,
          input: { idempotencyKey: key(), redemptionId: redemption.redemptionId },
        });
      }
    }
    if (random() < 0.5) {
      await donateToGoal(db, {
        session: session(residentId),
        origin: ORIGIN,
        idempotencyKey: key(),
        goalId: benches.id,
        points: 20 + Math.floor(random() * 5) * 10,
      }).catch(() => undefined);
    }
  }
}
