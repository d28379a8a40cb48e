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
  name: string;
  description: string;
  leader: { username: string; displayName: string };
};

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    key: 'sunshine',
    name: 'Sunshine Volunteers · 阳光志愿队',
    description:
      'Visits to older neighbours living alone, help with errands. 探访独居老人，代办跑腿。',
    leader: { username: 'leader', displayName: '张伟' },
  },
  {
    key: 'council',
    name: "Residents' Council · 居民议事会",
    description:
      'Monthly deliberation on courtyard, parking and budget questions. 每月议事：庭院、停车与经费。',
    leader: { username: 'leader-council', displayName: '刘建国' },
  },
  {
    key: 'green',
    name: 'Green Homes Team · 绿色家园',
    description: 'Clean-ups, waste sorting and the community garden. 清洁、垃圾分类与社区菜园。',
    leader: { username: 'leader-green', displayName: '陈静' },
  },
  {
    key: 'patrol',
    name: 'Evening Patrol · 平安巡逻队',
    description: 'Evening safety walks and fire-exit checks. 夜间巡逻与消防通道检查。',
    leader: { username: 'leader-patrol', displayName: '赵强' },
  },
  {
    key: 'culture',
    name: 'Calligraphy & Culture Club · 书画社',
    description:
      'Calligraphy classes for children and festival decorations. 少儿书法课与节日布置。',
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
    title: 'Visiting older neighbours · 探访独居老人',
    category: 'elderly_care',
    place: 'Buildings 1–4 · 1–4号楼',
    minutes: 120,
  },
  {
    organization: 'sunshine',
    title: 'Helping a neighbour move · 邻里搬家互助',
    category: 'mutual_aid',
    place: 'Building 6 · 6号楼',
    minutes: 150,
  },
  {
    organization: 'sunshine',
    title: 'Volunteer team training · 志愿队培训',
    category: 'organization_activity',
    place: 'Community hall · 社区活动室',
    minutes: 90,
  },
  {
    organization: 'council',
    title: "Residents' council meeting · 居民议事会",
    category: 'community_affairs',
    place: 'Community office · 社区办公室',
    minutes: 120,
  },
  {
    organization: 'council',
    title: 'Parking plan consultation · 停车方案征询',
    category: 'community_affairs',
    place: 'Courtyard · 中心庭院',
    minutes: 90,
  },
  {
    organization: 'green',
    title: 'Courtyard clean-up · 庭院清洁',
    category: 'environment',
    place: 'Courtyard · 中心庭院',
    minutes: 120,
  },
  {
    organization: 'green',
    title: 'Waste-sorting guidance · 垃圾分类引导',
    category: 'environment',
    place: 'Bin station · 垃圾分类点',
    minutes: 60,
  },
  {
    organization: 'patrol',
    title: 'Evening safety patrol · 夜间巡逻',
    category: 'safety',
    place: 'Whole estate · 全小区',
    minutes: 120,
  },
  {
    organization: 'culture',
    title: 'Calligraphy class for children · 少儿书法课',
    category: 'culture',
    place: 'Community hall · 社区活动室',
    minutes: 90,
  },
];
