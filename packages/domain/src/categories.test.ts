import { describe, expect, it } from 'vitest';
import { categoryIds, categoryInfo, ServiceCategory } from './categories';

describe('service categories', () => {
  it('names the three levels of participation', () => {
    const participation = categoryIds.filter((id) => categoryInfo[id].group === 'participation');
    expect(participation).toEqual(['community_affairs', 'organization_activity', 'mutual_aid']);
  });

  it.each(categoryIds)('labels %s in English and Chinese', (id) => {
    const { en, zh } = categoryInfo[id].label;
    expect(en.trim()).not.toBe('');
    expect(zh).toMatch(/\p{Script=Han}/u);
  });

  it('describes exactly the categories there are', () => {
    expect(Object.keys(categoryInfo).sort()).toEqual([...categoryIds].sort());
  });

  it('refuses a category that does not exist', () => {
    expect(ServiceCategory.safeParse('elderly_care').success).toBe(true);
    expect(ServiceCategory.safeParse('gardening').success).toBe(false);
  });
});
