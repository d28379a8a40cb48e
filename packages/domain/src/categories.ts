import { z } from 'zod';

/**
 * What kind of service a record is. The first three are the study's levels of participation
 * (governing together, organized activity, helping a neighbour); the rest are the service kinds
 * an office reports on. Ids are stable: they are stored on records and used as weight keys.
 */
export const categoryIds = [
  'community_affairs',
  'organization_activity',
  'mutual_aid',
  'elderly_care',
  'environment',
  'culture',
  'safety',
  'other',
] as const;

export const ServiceCategory = z.enum(categoryIds);
export type ServiceCategory = z.infer<typeof ServiceCategory>;

export type CategoryGroup = 'participation' | 'service';

export type CategoryInfo = {
  group: CategoryGroup;
  label: { en: string; zh: string };
};

export const categoryInfo: Record<ServiceCategory, CategoryInfo> = {
  community_affairs: {
    group: 'participation',
    label: { en: 'Community affairs and deliberation', zh: '社区事务与议事' },
  },
  organization_activity: {
    group: 'participation',
    label: { en: 'Organization activities', zh: '组织活动' },
  },
  mutual_aid: { group: 'participation', label: { en: 'Neighbourly help', zh: '邻里互助' } },
  elderly_care: { group: 'service', label: { en: 'Elderly care', zh: '助老服务' } },
  environment: { group: 'service', label: { en: 'Environment', zh: '环境保护' } },
  culture: { group: 'service', label: { en: 'Culture', zh: '文化活动' } },
  safety: { group: 'service', label: { en: 'Safety patrol', zh: '治安巡逻' } },
  other: { group: 'service', label: { en: 'Other', zh: '其他' } },
};
