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

const ORIGIN = 'demo-seed';

const REWARDS = [
  {
    name: 'Rice 5 kg · 大米 5 公斤',
    kind: 'goods',
    points: 120,
    stock: 20,
    perResidentLimit: 2,
    description: 'Northeast rice, collected at the community office. 东北大米，社区办公室领取。',
  },
  {
    name: 'Cooking oil 1.8 L · 食用油',
    kind: 'goods',
    points: 90,
    stock: 25,
    perResidentLimit: 2,
    description: 'Peanut oil. 花生油。',
  },
  {
    name: 'A dozen eggs · 鸡蛋一盒',
    kind: 'goods',
    points: 30,
    stock: 60,
    perResidentLimit: null,
    description: 'Fresh from the Thursday market. 周四集市新鲜鸡蛋。',
  },
  {
    name: 'Haircut voucher · 理发券',
    kind: 'service',
    points: 50,
    stock: 15,
    perResidentLimit: 1,
    description: 'At the volunteer barber stall, first Saturday of the month. 每月第一个周六义剪。',
  },
  {
    name: 'Community garden plot for a season · 社区菜园一季',
    kind: 'privilege',
    points: 200,
    stock: 4,
    perResidentLimit: 1,
    description: 'A 2 m² plot in the rooftop garden. 屋顶菜园 2 平方米。',
  },
  {
    name: 'Reusable shopping bag · 环保购物袋',
    kind: 'goods',
    points: 20,
    stock: 3,
    perResidentLimit: null,
    description: 'Printed with the Q Community logo. 印有社区标志。',
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
  const benches = await createGoal(db, {
    staff: office,
    origin: ORIGIN,
    input: {
      idempotencyKey: key(),
      title: 'Benches for the courtyard · 庭院长椅',
      description:
        'Six wooden benches under the plane trees, so older neighbours can rest on their walk. 在梧桐树下安放六张木长椅，方便老人散步歇脚。',
      targetPoints: 3000,
    },
  });
  await createGoal(db, {
    staff: office,
    origin: ORIGIN,
    input: {
      idempotencyKey: key(),
      title: "Children's reading corner · 儿童读书角",
      description:
        'Shelves, cushions and 200 books in the community hall. 在活动室添置书架、坐垫和 200 本图书。',
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
