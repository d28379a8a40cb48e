import { ageBandLabels, ageBands } from '@tally/domain/age-bands';
import { categoryIds, categoryInfo } from '@tally/domain/categories';

export type CsvLanguage = 'en' | 'zh';

type Labels = Record<string, { en: string; zh: string }>;

/** The words of a report spreadsheet: every section, list and figure a report holds. */
const words: Labels = {
  // columns
  section: { en: 'Section', zh: '部分' },
  item: { en: 'Item', zh: '项目' },
  measure: { en: 'Measure', zh: '指标' },
  value: { en: 'Value', zh: '数值' },
  // the period
  period: { en: 'Period', zh: '统计范围' },
  from: { en: 'From', zh: '开始日期' },
  to: { en: 'To', zh: '结束日期' },
  organizationId: { en: 'Organization (id)', zh: '组织（编号）' },
  timeZone: { en: 'Time zone', zh: '时区' },
  // structure
  ageBands: { en: 'Age bands', zh: '年龄段' },
  minAge: { en: 'Youngest age', zh: '最小年龄' },
  maxAge: { en: 'Oldest age', zh: '最大年龄' },
  windows: { en: 'Who takes part', zh: '谁在参与' },
  last_30_days: { en: 'Last 30 days', zh: '最近30天' },
  last_90_days: { en: 'Last 90 days', zh: '最近90天' },
  last_365_days: { en: 'Last 365 days', zh: '最近365天' },
  total: { en: 'Everyone', zh: '全体' },
  byAgeBand: { en: 'By age band', zh: '按年龄段' },
  byBuilding: { en: 'By building', zh: '按楼栋' },
  unknown: { en: 'Not recorded', zh: '未登记' },
  residents: { en: 'Residents', zh: '居民' },
  participants: { en: 'Participants', zh: '参与者' },
  rate: { en: 'Participation rate', zh: '参与率' },
  newParticipantsByMonth: { en: 'New participants by month', zh: '每月新增参与者' },
  newParticipants: { en: 'First time ever', zh: '首次参与' },
  returningParticipants: { en: 'Had served before', zh: '此前参与过' },
  concentration: { en: 'Concentration', zh: '集中程度' },
  topParticipants: { en: 'Top 10% of participants', zh: '最活跃的10%参与者' },
  topShareOfHours: { en: 'Their share of all hours', zh: '其服务时长占比' },
  totalHours: { en: 'Hours in all', zh: '总时长（小时）' },
  underRepresented: { en: 'Taking part least', zh: '参与偏少的群体' },
  dimension: { en: 'By', zh: '维度' },
  age_band: { en: 'Age band', zh: '年龄段' },
  building: { en: 'Building', zh: '楼栋' },
  overallRate: { en: 'Overall rate', zh: '整体参与率' },
  governance: { en: 'Who takes part in governance', zh: '谁参与社区议事' },
  raised: { en: 'Raised a topic', zh: '提出议题' },
  supported: { en: 'Supported a topic', zh: '支持议题' },
  voted: { en: 'Voted', zh: '参与投票' },
  tookPart: { en: 'Took part in any way', zh: '以任何方式参与' },
  // willingness
  funnel: { en: 'First and second steps', zh: '第一步与第二步' },
  servedOnce: { en: 'Served at least once', zh: '至少参与过一次' },
  servedAgainWithin90Days: { en: 'Came back within 90 days', zh: '90天内再次参与' },
  firstStepRate: { en: 'Share who took the first step', zh: '迈出第一步的比例' },
  secondStepRate: { en: 'Share of those who came back', zh: '其中再次参与的比例' },
  firstStepsInPeriod: { en: 'First steps in the period', zh: '本期首次参与' },
  stillWithin90Days: { en: 'Still within their 90 days', zh: '仍在90天内' },
  medianDaysCardToFirstService: {
    en: 'Median days from card to first service',
    zh: '办卡到首次服务的天数（中位数）',
  },
  activities: { en: 'Activities', zh: '活动' },
  viewed: { en: 'Saw one at a kiosk', zh: '在自助机上看到' },
  signedUp: { en: 'Signed up', zh: '报名' },
  attended: { en: 'Came', zh: '到场' },
  cameBackWithin90Days: { en: 'Came to another within 90 days', zh: '90天内再次参加活动' },
  noShowRate: { en: 'Share of places not turned up for', zh: '报名未到比例' },
  byOrganization: { en: 'By organization', zh: '按组织' },
  byInvitedGroup: { en: 'By invited group', zh: '按邀请群体' },
  everyone: { en: 'Everyone', zh: '所有居民' },
  buildings: { en: 'Buildings', zh: '楼栋' },
  // motivation
  earners: { en: 'Residents who earned points', zh: '获得积分的居民' },
  points: { en: 'Points', zh: '积分' },
  earned: { en: 'Earned', zh: '获得' },
  redeemedShare: { en: 'Share redeemed', zh: '兑换比例' },
  donatedShare: { en: 'Share given to goals', zh: '捐给社区目标的比例' },
  heldShare: { en: 'Share still held', zh: '仍持有的比例' },
  redemptions: { en: 'Redemptions', zh: '兑换' },
  count: { en: 'Count', zh: '次数' },
  nonMaterialShare: { en: 'Share for services and privileges', zh: '非实物兑换比例' },
  steadyWithoutRedeeming: { en: 'Serving without redeeming', zh: '持续服务但未兑换' },
  ofParticipants: { en: 'Share of participants', zh: '占参与者比例' },
  hours: { en: 'Hours', zh: '时长（小时）' },
  participation: { en: 'Community participation', zh: '社区参与' },
  service: { en: 'Service', zh: '志愿服务' },
  participationShare: { en: 'Share in community participation', zh: '社区参与占比' },
  byCategory: { en: 'By category', zh: '按类别' },
  group: { en: 'Group', zh: '分组' },
  timeBank: { en: 'Time bank beside service', zh: '时间银行与志愿服务' },
  exchanges: { en: 'Exchanges between neighbours', zh: '邻里互助次数' },
  helpers: { en: 'Neighbours who helped', zh: '提供帮助的居民' },
  exchangedHours: { en: 'Hours exchanged between neighbours', zh: '邻里互助时长（小时）' },
  servedHours: { en: 'Hours served for points', zh: '积分服务时长（小时）' },
  timeBankShare: { en: 'Time-bank share of all hours given', zh: '时间银行占全部付出时长的比例' },
  poolShare: { en: 'Share paid by the care pool', zh: '关爱池支付比例' },
  // organizations
  months: { en: 'Months', zh: '月份' },
  organizations: { en: 'Organizations', zh: '社会组织' },
  members: { en: 'Members', zh: '成员' },
  activeMembers: { en: 'Members who served', zh: '参与服务的成员' },
  newMembers: { en: 'New members', zh: '新成员' },
  trend: { en: 'By month', zh: '按月' },
  leaderLastLoggedAt: { en: 'Leader last logged', zh: '负责人最近登记时间' },
  daysSinceLeaderLogged: { en: 'Days since the leader logged', zh: '负责人未登记天数' },
  activitiesRun: { en: 'Activities run', zh: '举办活动数' },
  fillRate: { en: 'Share of places taken', zh: '名额报满率' },
};

const labels: Labels = {
  ...Object.fromEntries(ageBands.map((band) => [band, ageBandLabels[band]])),
  ...Object.fromEntries(categoryIds.map((id) => [id, categoryInfo[id].label])),
  ...words,
};

/** A report's key or id in words, or itself when it has none (a month, a building, a name). */
export function csvLabel(key: string, language: CsvLanguage): string {
  return labels[key]?.[language] ?? key;
}
