import { describe, expect, it } from 'vitest';
import { EarningRuleTerms, pointsForService, previewRule } from './earning-rules';

const campaign = {
  bonusPercent: 50,
  from: '2026-05-01',
  to: '2026-05-31',
  ageBand: 'under_30',
  building: '7',
} as const;
const rule = { basePointsPerHour: 10, categoryWeights: { culture: 120 }, campaign };
const young = { birthYear: 2000, building: '7' };
const service = {
  minutes: 60,
  category: 'culture',
  earnedSameDay: 0,
  isFirstParticipation: false,
} as const;

describe('a campaign bonus', () => {
  it('adds its percent to the weighted points of service by the group it targets', () => {
    // 60 min × 10/h × 120% × 150% = 18 points; 6 of them the campaign's.
    expect(pointsForService({ rule, ...service, ...young, serviceDate: '2026-05-10' })).toEqual({
      points: 18,
      breakdown: { base: 10, weighted: 18, capReduction: 0, bonus: 0, campaign: 6 },
    });
  });

  it('pays nothing extra outside its days, its age band or its building', () => {
    const plain = { points: 12, breakdown: { base: 10, weighted: 12, capReduction: 0, bonus: 0 } };
    for (const other of [
      { ...young, serviceDate: '2026-04-30' },
      { ...young, serviceDate: '2026-06-01' },
      { birthYear: 1996, building: '7', serviceDate: '2026-05-10' },
      { birthYear: 2000, building: '6', serviceDate: '2026-05-10' },
      { birthYear: null, building: '7', serviceDate: '2026-05-10' },
      { ...young },
    ]) {
      expect(pointsForService({ rule, ...service, ...other })).toEqual(plain);
    }
  });

  it('reaches everyone when it names no group, and stays within the daily cap', () => {
    const everyone = {
      ...rule,
      campaign: { bonusPercent: 100, from: '2026-05-01', to: '2026-05-31' },
    };
    const credit = pointsForService({
      rule: { ...everyone, dailyCapPoints: 20 },
      ...service,
      earnedSameDay: 0,
      serviceDate: '2026-05-31',
    });
    expect(credit.points).toBe(20);
    expect(credit.breakdown).toMatchObject({ weighted: 24, capReduction: 4, campaign: 12 });
  });

  it('leaves rules published before campaigns valid, and refuses a campaign that ends first', () => {
    expect(EarningRuleTerms.safeParse({ basePointsPerHour: 10, categoryWeights: {} }).success).toBe(
      true,
    );
    expect(
      EarningRuleTerms.safeParse({ ...rule, campaign: { ...campaign, to: '2026-04-01' } }).success,
    ).toBe(false);
  });

  it('is replayed by a preview with the residents it would have reached', () => {
    const preview = previewRule({
      rule,
      records: [
        {
          residentId: 'a',
          serviceDate: '2026-05-10',
          minutes: 60,
          category: 'culture',
          isFirstParticipation: false,
          ...young,
        },
        {
          residentId: 'b',
          serviceDate: '2026-05-10',
          minutes: 60,
          category: 'culture',
          isFirstParticipation: false,
          birthYear: 1950,
          building: '7',
        },
      ],
    });
    expect(preview.perResident).toEqual({ a: 18, b: 12 });
  });
});
