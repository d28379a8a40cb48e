import type { EarningCampaign } from '@tally/domain/earning-rules';
import type { PublishedRule } from '@tally/domain/rules';
import { describe, expect, it } from 'vitest';
import {
  campaignState,
  endCampaignTerms,
  newCampaign,
  ruleValues,
  toRuleTerms,
  validateRule,
} from './rule-form';

const campaign: EarningCampaign = {
  bonusPercent: 50,
  from: '2026-12-01',
  to: '2026-12-31',
  ageBand: 'under_30',
};

const rule: PublishedRule = {
  version: 2,
  basePointsPerHour: 10,
  categoryWeights: { community_affairs: 150 },
  dailyCapPoints: 60,
  firstParticipationBonus: null,
  campaign,
  timeBankEarns: false,
  publishedAt: '2026-10-01T00:00:00.000Z',
  publishedBy: null,
};

describe('the earning-rule draft', () => {
  it('starts from the rule in force and sends it back unchanged, campaign included', () => {
    expect(toRuleTerms(ruleValues(rule), rule)).toEqual({
      basePointsPerHour: 10,
      categoryWeights: { community_affairs: 150 },
      dailyCapPoints: 60,
      campaign,
    });
  });

  it('keeps the campaign when only the base rate changes', () => {
    const values = { ...ruleValues(rule), basePointsPerHour: '12' };
    expect(toRuleTerms(values, rule)).toMatchObject({ basePointsPerHour: 12, campaign });
  });

  it('keeps a term the form does not show', () => {
    const withMore = { ...rule, someFutureTerm: 3 } as PublishedRule;
    expect(toRuleTerms(ruleValues(withMore), withMore)).toMatchObject({ someFutureTerm: 3 });
  });

  it('pays for time-bank exchanges only when the draft turns it on, and keeps it on', () => {
    expect(toRuleTerms(ruleValues(rule), rule)).not.toHaveProperty('timeBankEarns');
    const on = toRuleTerms({ ...ruleValues(rule), timeBankEarns: true }, rule);
    expect(on).toMatchObject({ timeBankEarns: true });
    const published = { ...rule, timeBankEarns: true };
    expect(ruleValues(published).timeBankEarns).toBe(true);
    expect(toRuleTerms(ruleValues(published), published)).toMatchObject({ timeBankEarns: true });
    expect(
      toRuleTerms({ ...ruleValues(published), timeBankEarns: false }, published),
    ).not.toHaveProperty('timeBankEarns');
  });

  it('drops the campaign only when the draft takes it out', () => {
    expect(toRuleTerms({ ...ruleValues(rule), campaign: null }, rule)).not.toHaveProperty(
      'campaign',
    );
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

  it('refuses a campaign without a bonus or ending before it starts', () => {
    const values = ruleValues(rule);
    const errors = validateRule({
      ...values,
      campaign: { ...newCampaign('2026-12-07'), bonusPercent: '0', to: '2026-12-06' },
    });
    expect(errors).toEqual({ campaignBonus: true, campaignTo: true });
  });

  it('takes campaign days as typed in either language, and publishes them as ISO days', () => {
    const values = ruleValues(rule);
    const typed = {
      ...values,
      campaign: { ...newCampaign('2026-12-07'), from: '2026年12月7日', to: '2027/1/5' },
    };
    expect(validateRule(typed)).toEqual({});
    expect(toRuleTerms(typed, rule).campaign).toMatchObject({
      from: '2026-12-07',
      to: '2027-01-05',
    });
    const wrong = { ...values, campaign: { ...newCampaign('2026-12-07'), from: '12/07' } };
    expect(validateRule(wrong)).toEqual({ campaignFrom: true });
  });
});

describe('a campaign', () => {
  it('starts for a group from today for 30 days', () => {
    expect(newCampaign('2026-12-07', { building: '7' })).toEqual({
      ageBand: '',
      building: '7',
      from: '2026-12-07',
      to: '2027-01-05',
      bonusPercent: '50',
    });
  });

  it('is scheduled, running or ended by today', () => {
    expect(campaignState(campaign, '2026-11-30')).toBe('scheduled');
    expect(campaignState(campaign, '2026-12-31')).toBe('running');
    expect(campaignState(campaign, '2027-01-01')).toBe('ended');
  });

  it('ends today, keeping every other term; one not started yet is taken out', () => {
    expect(endCampaignTerms(rule, '2026-12-07')).toEqual({
      basePointsPerHour: 10,
      categoryWeights: { community_affairs: 150 },
      dailyCapPoints: 60,
      campaign: { ...campaign, to: '2026-12-07' },
    });
    expect(endCampaignTerms(rule, '2026-11-20')).not.toHaveProperty('campaign');
  });
});
