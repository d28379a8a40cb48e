import type { LocalizedText } from '@tally/domain/localized-text';

// The people of the demo community "Q Community": deterministic, so every fresh
// start (and every browser test) sees the same names, ages and buildings. The
// mix mirrors what community studies find: retirees carry most of the work,
// while young and working residents — and some buildings — are under-represented.

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
];
const GIVEN = [
  '芳',
  '伟',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '霞',
  '平',
  '刚',
  '桂英',
  '玉兰',
  '建国',
  '淑珍',
];

/** A small seeded generator (LCG), so the demo is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export type DemoResident = {
  cardNumber: string;
  name: string;
  birthYear: number;
  building: string;
  showName: boolean;
  /** How active they are: the first ten are the programme's core volunteers. */
  activity: 'core' | 'regular' | 'occasional' | 'none';
};

export function demoResidents(count = 60): DemoResident[] {
  const random = seededRandom(20261127);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const residents: DemoResident[] = [];
  const used = new Set<string>();
  for (let i = 1; i <= count; i++) {
    let name = `${pick(SURNAMES)}${pick(GIVEN)}`;
    while (used.has(name)) name = `${pick(SURNAMES)}${pick(GIVEN)}`;
    used.add(name);
    // Core volunteers are mostly retirees; the rest spread across ages.
    const core = i <= 10;
    const birthYear = core
      ? 1944 + Math.floor(random() * 18)
      : i <= 30
        ? 1950 + Math.floor(random() * 40)
        : 1970 + Math.floor(random() * 36);
    // Buildings 7 and 8 (the newer towers) take part least.
    const building = String(core ? 1 + Math.floor(random() * 4) : 1 + Math.floor(random() * 8));
    const activity = core ? 'core' : i <= 28 ? 'regular' : i <= 45 ? 'occasional' : 'none';
    residents.push({
      cardNumber: `Q${String(i).padStart(4, '0')}`,
      name,
      birthYear,
      building,
      showName: random() < 0.75,
      activity,
    });
  }
  // The demo leader, Zhang Wei, is a resident and a member of the team they lead.
  const leader = residents[10];
  if (leader)
    Object.assign(leader, { name: '张伟', birthYear: 1979, building: '5', activity: 'regular' });
  return residents;
}

export type DemoOrganization = {
  key: 'sunshine' | 'council' | 'green' | 'patrol' | 'culture';
  name: LocalizedText;
  description: LocalizedText;
  leader: { username: string; displayName: string };
};

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    key: 'sunshine',
    name: { zh: '阳光志愿队', en: 'Sunshine Volunteers' },
    description: {
      zh: '探访独居老人，代办跑腿。',
      en: 'Visits to older neighbours living alone, help with errands.',
    },
    leader: { username: 'leader', displayName: '张伟' },
  },
  {
    key: 'council',
    name: { zh: '居民议事会', en: "Residents' Council" },
    description: {
      zh: '每月议事：庭院、停车与经费。',
      en: 'Monthly deliberation on courtyard, parking and budget questions.',
    },
    leader: { username: 'leader-council', displayName: '刘建国' },
  },
  {
    key: 'green',
    name: { zh: '绿色家园', en: 'Green Homes Team' },
    description: {
      zh: '清洁、垃圾分类与社区菜园。',
      en: 'Clean-ups, waste sorting and the community garden.',
    },
    leader: { username: 'leader-green', displayName: '陈静' },
  },
  {
    key: 'patrol',
    name: { zh: '平安巡逻队', en: 'Evening Patrol' },
    description: {
      zh: '夜间巡逻与消防通道检查。',
      en: 'Evening safety walks and fire-exit checks.',
    },
    leader: { username: 'leader-patrol', displayName: '赵强' },
  },
  {
    key: 'culture',
    name: { zh: '书画社', en: 'Calligraphy & Culture Club' },
    description: {
      zh: '少儿书法课与节日布置。',
      en: 'Calligraphy classes for children and festival decorations.',
    },
    leader: { username: 'leader-culture', displayName: '孙玉兰' },
  },
];

export type DemoActivity = {
  organization: DemoOrganization['key'];
  title: string;
  category:
    | 'community_affairs'
    | 'organization_activity'
    | 'mutual_aid'
    | 'elderly_care'
    | 'environment'
    | 'culture'
    | 'safety';
  place: string;
  minutes: number;
};

export const DEMO_ACTIVITIES: DemoActivity[] = [
  {
    organization: 'sunshine',
    title: '探访独居老人',
    category: 'elderly_care',
    place: '1–4号楼',
    minutes: 120,
  },
  {
    organization: 'sunshine',
    title: '邻里搬家互助',
    category: 'mutual_aid',
    place: '6号楼',
    minutes: 150,
  },
  {
    organization: 'sunshine',
    title: '志愿队培训',
    category: 'organization_activity',
    place: '社区活动室',
    minutes: 90,
  },
  {
    organization: 'council',
    title: '居民议事会',
    category: 'community_affairs',
    place: '社区办公室',
    minutes: 120,
  },
  {
    organization: 'council',
    title: '停车方案征询',
    category: 'community_affairs',
    place: '中心庭院',
    minutes: 90,
  },
  {
    organization: 'green',
    title: '庭院清洁',
    category: 'environment',
    place: '中心庭院',
    minutes: 120,
  },
  {
    organization: 'green',
    title: '垃圾分类引导',
    category: 'environment',
    place: '垃圾分类点',
    minutes: 60,
  },
  {
    organization: 'patrol',
    title: '夜间巡逻',
    category: 'safety',
    place: '全小区',
    minutes: 120,
  },
  {
    organization: 'culture',
    title: '少儿书法课',
    category: 'culture',
    place: '社区活动室',
    minutes: 90,
  },
];
