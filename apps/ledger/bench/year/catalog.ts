import type { LocalizedText } from '@tally/domain/localized-text';
import type { RewardKind } from '@tally/domain/rewards';
import { DEMO_ACTIVITIES, DEMO_ORGANIZATIONS } from '../../src/demo/demo-people';

// What the generated community offers: the demo's organizations in four districts, doing the
// demo's activities; a shop of everyday rewards; a few goals.

export const DISTRICTS = 4;

export const organizationsToCreate = DEMO_ORGANIZATIONS.flatMap((organization) =>
  Array.from({ length: DISTRICTS }, (_, d) => ({
    key: organization.key,
    name: {
      zh: `${organization.name.zh}·${d + 1}片区`,
      en: `${organization.name.en}, district ${d + 1}`,
    },
    description: organization.description,
    activities: DEMO_ACTIVITIES.filter((a) => a.organization === organization.key),
  })),
);

export type ShopReward = { name: LocalizedText; kind: RewardKind; points: number };

export const rewardsToCreate: ShopReward[] = [
  { name: { zh: '鸡蛋一盒', en: 'A dozen eggs' }, kind: 'goods', points: 30 },
  { name: { zh: '环保购物袋', en: 'Reusable shopping bag' }, kind: 'goods', points: 20 },
  { name: { zh: '食用油 1.8 升', en: 'Cooking oil 1.8 L' }, kind: 'goods', points: 90 },
  { name: { zh: '大米 5 公斤', en: 'Rice 5 kg' }, kind: 'goods', points: 120 },
  { name: { zh: '洗衣液', en: 'Laundry detergent' }, kind: 'goods', points: 45 },
  { name: { zh: '毛巾两条', en: 'Two towels' }, kind: 'goods', points: 25 },
  { name: { zh: '理发券', en: 'Haircut voucher' }, kind: 'service', points: 50 },
  { name: { zh: '家电维修', en: 'Small appliance repair' }, kind: 'service', points: 60 },
  { name: { zh: '体检套餐', en: 'Health check-up' }, kind: 'service', points: 150 },
  {
    name: { zh: '社区菜园一季', en: 'Community garden plot for a season' },
    kind: 'privilege',
    points: 200,
  },
  { name: { zh: '活动室预约', en: 'Activity room booking' }, kind: 'privilege', points: 40 },
  { name: { zh: '电影票', en: 'Cinema ticket' }, kind: 'goods', points: 35 },
];

export const goalsToCreate: { title: LocalizedText; targetPoints: number }[] = [
  { title: { zh: '楼道照明改造', en: 'Stairwell lighting' }, targetPoints: 200_000 },
  { title: { zh: '儿童游乐区', en: "Children's playground" }, targetPoints: 400_000 },
  { title: { zh: '长者食堂', en: "Seniors' canteen" }, targetPoints: 300_000 },
  { title: { zh: '社区图书角', en: 'Community book corner' }, targetPoints: 100_000 },
];

export const KIOSKS = 4;
