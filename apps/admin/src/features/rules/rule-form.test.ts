import type { PublishedRule } from '@tally/domain/rules';
import { describe, expect, it } from 'vitest';
import { ruleValues, toRuleTerms, validateRule } from './rule-form';

const rule: PublishedRule = {
  version: 2,
  basePointsPerHour: 10,
  categoryWeights: { community_affairs: 150 },
  dailyCapPoints: 60,
  firstParticipationBonus: null,
  publishedAt: '2026-10-01T00:00:00.000Z',
  publishedBy: null,
};

describe('the earning-rule draft', () => {
  it('starts from the rule in force and sends it back unchanged', () => {
    expect(toRuleTerms(ruleValues(rule))).toEqual({
      basePointsPerHour: 10,
      categoryWeights: { community_affairs: 150 },
      dailyCapPoints: 60,
    });
  });

  it('refuses numbers outside the domain’s ranges', () => {
    const values = ruleValues(rule);
    const errors = validateRule({
      ...values,
      basePointsPerHour: '-1',
      dailyCapPoints: '0',
      weights: { ...values.weights, culture: '1001' },
    });
    expect(errors).toEqual({ basePointsPerHour: true, dailyCapPoints: true, culture: true });
  });
});
