import type { ActivityInviteInput } from '@tally/domain/activities';
import type { ServiceCategory } from '@tally/domain/categories';
import type { LocalizedText } from '@tally/domain/localized-text';
import type { DemoOrganization } from './demo-people';

// The demo's activities (issue 13), as seed-activities.ts plays them out: six over and closed,
// one running now, sign-ups ahead, one cancelled for the weather, one draft.

export type Stage = 'closed' | 'running' | 'upcoming' | 'cancelled' | 'draft';

export type DemoActivityPlan = {
  organization: DemoOrganization['key'];
  title: LocalizedText;
  description: LocalizedText;
  category: ServiceCategory;
  place: string;
  /** Days from today (Beijing) and the hour it starts; a running one started half an hour ago. */
  day: number;
  hour: number;
  minutes: number;
  slots?: number;
  waitingList?: boolean;
  invite?: ActivityInviteInput;
  signUpOpensInDays?: number;
  stage: Stage;
  /** Card numbers, in the order they signed up; `young` picks residents under 30. */
  signUps: string[] | 'young';
  /** Closed or running: who came, who walked in, who left early (minutes after the start). */
  absent?: string[];
  walkIns?: string[];
  leftAfter?: Record<string, number>;
  adjusted?: { card: string; minutes: number; reason: string };
  cancelReason?: string;
};

export const DEMO_ACTIVITY_PLANS: DemoActivityPlan[] = [
  {
    organization: 'sunshine',
    title: { zh: '重阳节探访独居老人', en: 'Double Ninth visits to older neighbours' },
    description: { zh: '两人一组，带上重阳糕上门探访。', en: 'In pairs, with festival cakes.' },
    category: 'elderly_care',
    place: '1–4号楼',
    day: -12,
    hour: 9,
    minutes: 120,
    slots: 8,
    stage: 'closed',
    signUps: ['Q0002', 'Q0003', 'Q0004', 'Q0005', 'Q0006', 'Q0007', 'Q0008'],
    absent: ['Q0008'],
    walkIns: ['Q0012'],
    leftAfter: { Q0003: 75 },
  },
  {
    organization: 'green',
    title: { zh: '周末庭院大扫除', en: 'Weekend courtyard clean-up' },
    description: { zh: '工具由社区提供。', en: 'Tools are provided.' },
    category: 'environment',
    place: '中心庭院',
    day: -9,
    hour: 9,
    minutes: 150,
    slots: 15,
    stage: 'closed',
    signUps: ['Q0004', 'Q0009', 'Q0010', 'Q0016', 'Q0017', 'Q0018', 'Q0019', 'Q0020', 'Q0033'],
    absent: ['Q0019', 'Q0033'],
    walkIns: ['Q0035'],
    // Q0017 checked out late: the activity's length caps what counts.
    leftAfter: { Q0016: 90, Q0017: 200 },
  },
  {
    organization: 'council',
    title: { zh: '停车方案议事会', en: 'Parking plan consultation' },
    description: { zh: '讨论地面停车位重新划线方案。', en: 'On re-marking the parking spaces.' },
    category: 'community_affairs',
    place: '社区办公室',
    day: -7,
    hour: 19,
    minutes: 90,
    stage: 'closed',
    signUps: ['Q0001', 'Q0005', 'Q0013', 'Q0021', 'Q0024', 'Q0027'],
    absent: ['Q0027'],
  },
  {
    organization: 'culture',
    title: { zh: '少儿书法课', en: "Children's calligraphy class" },
    description: { zh: '志愿者协助老师照看孩子。', en: 'Volunteers help the teacher.' },
    category: 'culture',
    place: '社区活动室',
    day: -5,
    hour: 15,
    minutes: 90,
    slots: 5,
    waitingList: true,
    stage: 'closed',
    signUps: ['Q0006', 'Q0014', 'Q0022', 'Q0023', 'Q0025', 'Q0026', 'Q0028'],
    absent: ['Q0026'],
    adjusted: { card: 'Q0022', minutes: 60, reason: '提前离开去接孩子，组长核实为60分钟' },
  },
  {
    organization: 'patrol',
    title: { zh: '夜间安全巡查', en: 'Evening safety walk' },
    description: { zh: '检查消防通道与楼道照明。', en: 'Fire exits and stairway lights.' },
    category: 'safety',
    place: '全小区',
    day: -3,
    hour: 19,
    minutes: 120,
    slots: 10,
    stage: 'closed',
    signUps: ['Q0007', 'Q0015', 'Q0020', 'Q0030'],
    absent: ['Q0030'],
  },
  {
    organization: 'sunshine',
    title: { zh: '志愿者急救培训', en: 'First-aid training for volunteers' },
    description: { zh: '红十字会老师授课。', en: 'Taught by the Red Cross.' },
    category: 'organization_activity',
    place: '社区活动室',
    day: -2,
    hour: 14,
    minutes: 120,
    slots: 12,
    stage: 'closed',
    signUps: ['Q0002', 'Q0003', 'Q0009', 'Q0011', 'Q0012', 'Q0018'],
    walkIns: ['Q0036'],
  },
  {
    organization: 'culture',
    title: { zh: '中秋灯谜会', en: 'Lantern riddles evening' },
    description: {
      zh: '猜灯谜、做灯笼，欢迎全家参加。',
      en: 'Riddles and lanterns, for families.',
    },
    category: 'culture',
    place: '中心庭院',
    day: 0,
    hour: 0,
    minutes: 120,
    slots: 30,
    stage: 'running',
    signUps: ['Q0005', 'Q0006', 'Q0013', 'Q0014', 'Q0021', 'Q0023'],
    // Checked in at the demo kiosk so far (Q0024 walked in); three are still on their way.
    walkIns: ['Q0024'],
    absent: ['Q0014', 'Q0021', 'Q0023'],
  },
  {
    organization: 'sunshine',
    title: { zh: '社区义诊志愿服务', en: 'Volunteers for the free health check' },
    description: { zh: '引导排队、测量血压。', en: 'Guiding the queue, taking blood pressure.' },
    category: 'elderly_care',
    place: '社区卫生站',
    day: 2,
    hour: 8,
    minutes: 180,
    slots: 4,
    waitingList: true,
    stage: 'upcoming',
    signUps: ['Q0002', 'Q0003', 'Q0008', 'Q0011', 'Q0016', 'Q0017'],
  },
  {
    organization: 'council',
    title: { zh: '加装电梯议事协商', en: 'Consultation on adding lifts' },
    description: { zh: '5号楼居民优先发言。', en: 'Building 5 residents speak first.' },
    category: 'community_affairs',
    place: '5号楼架空层',
    day: 4,
    hour: 19,
    minutes: 90,
    stage: 'upcoming',
    signUps: ['Q0001', 'Q0011', 'Q0024', 'Q0027', 'Q0044'],
  },
  {
    organization: 'culture',
    title: { zh: '青年读书夜', en: 'Young readers’ evening' },
    description: {
      zh: '30岁以下居民专场，活动期间服务积分加50%。',
      en: 'For residents under 30; half as many points again during the campaign.',
    },
    category: 'culture',
    place: '社区图书角',
    day: 5,
    hour: 19,
    minutes: 120,
    slots: 12,
    waitingList: true,
    invite: { ageBands: [], buildings: [], campaign: true },
    stage: 'upcoming',
    signUps: 'young',
  },
  {
    organization: 'green',
    title: { zh: '垃圾分类宣传', en: 'Waste-sorting information stand' },
    description: { zh: '明天开放报名。', en: 'Sign-up opens tomorrow.' },
    category: 'environment',
    place: '垃圾分类点',
    day: 6,
    hour: 10,
    minutes: 90,
    slots: 8,
    signUpOpensInDays: 1,
    stage: 'upcoming',
    signUps: [],
  },
  {
    organization: 'green',
    title: { zh: '社区菜园播种', en: 'Planting day in the community garden' },
    description: { zh: '种下秋季蔬菜。', en: 'Sowing the autumn vegetables.' },
    category: 'environment',
    place: '社区菜园',
    day: 3,
    hour: 9,
    minutes: 120,
    slots: 12,
    stage: 'cancelled',
    signUps: ['Q0001', 'Q0004', 'Q0010', 'Q0034'],
    cancelReason: '天气预报有暴雨，活动改期，另行通知。',
  },
  {
    organization: 'patrol',
    title: { zh: '消防演练', en: 'Fire drill' },
    description: { zh: '与物业联合举行。', en: 'Together with the property manager.' },
    category: 'safety',
    place: '7号楼',
    day: 9,
    hour: 10,
    minutes: 60,
    stage: 'draft',
    signUps: [],
  },
];
