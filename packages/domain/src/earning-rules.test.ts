import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoryIds, type ServiceCategory } from './categories';
import {
  creditsForDay,
  EarningRule,
  type EarningRuleTerms,
  pointsForService,
  previewRule,
  type ServiceToCredit,
} from './earning-rules';
import { isDomainError } from './errors';

const runs = { seed: 42, numRuns: 500 };

function rule(overrides: Partial<EarningRuleTerms> = {}): EarningRuleTerms {
  return { basePointsPerHour: 10, categoryWeights: {}, ...overrides };
}

function credit(terms: EarningRuleTerms, service: Partial<ServiceToCredit> = {}) {
  return pointsForService({
    rule: terms,
    minutes: 60,
    category: 'other',
    earnedSameDay: 0,
    isFirstParticipation: false,
    ...service,
  });
}

function validationFailure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isDomainError(error, 'VALIDATION_FAILED')) return error.message;
    throw error;
  }
  throw new Error('expected a VALIDATION_FAILED error');
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

const categoryArb = fc.constantFrom(...categoryIds);
const weightArb = fc.integer({ min: 0, max: 1000 });
const minutesArb = fc.integer({ min: 1, max: 1440 });
const ruleArb = fc.record({
  basePointsPerHour: fc.integer({ min: 0, max: 10_000 }),
  categoryWeights: fc.dictionary(categoryArb, weightArb),
  dailyCapPoints: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined }),
  firstParticipationBonus: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
});
const serviceArb = fc.record({
  minutes: minutesArb,
  category: categoryArb,
  earnedSameDay: fc.oneof(
    fc.integer({ min: 0, max: 10_000 }),
    fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  ),
  isFirstParticipation: fc.boolean(),
});

describe('pointsForService', () => {
  it('pays 22 for 90 minutes at 10 points an hour weighted 150% (22.5 rounded down)', () => {
    const result = credit(rule({ categoryWeights: { elderly_care: 150 } }), {
      minutes: 90,
      category: 'elderly_care',
    });
    expect(result).toEqual({
      points: 22,
      breakdown: { base: 15, weighted: 22, capReduction: 0, bonus: 0 },
    });
  });

  it('pays the base rate for a category the rule does not weight', () => {
    const result = credit(rule({ categoryWeights: { elderly_care: 150 } }), {
      category: 'culture',
    });
    expect(result.points).toBe(10);
  });

  it('rounds once from the minutes rather than weighting the already rounded base', () => {
    // 57 minutes at 10/h is 9.5 points: weighting the floored base would pay 18, not 19.
    const result = credit(rule({ categoryWeights: { safety: 200 } }), {
      minutes: 57,
      category: 'safety',
    });
    expect(result.breakdown).toMatchObject({ base: 9, weighted: 19 });
  });

  it('rounds a part of a point down to nothing', () => {
    expect(credit(rule(), { minutes: 5 }).points).toBe(0);
  });

  it('holds back what would take the resident past the daily cap', () => {
    const result = credit(rule({ dailyCapPoints: 30 }), { earnedSameDay: 25 });
    expect(result).toEqual({
      points: 5,
      breakdown: { base: 10, weighted: 10, capReduction: 5, bonus: 0 },
    });
  });

  it('pays nothing, never less, once a resident is already past the cap', () => {
    const result = credit(rule({ dailyCapPoints: 30 }), { earnedSameDay: 45 });
    expect(result.points).toBe(0);
    expect(result.breakdown.capReduction).toBe(10);
  });

  it('pays the first-participation bonus even on a day the cap is reached', () => {
    const terms = rule({ dailyCapPoints: 30, firstParticipationBonus: 50 });
    const result = credit(terms, { earnedSameDay: 30, isFirstParticipation: true });
    expect(result).toEqual({
      points: 50,
      breakdown: { base: 10, weighted: 10, capReduction: 10, bonus: 50 },
    });
  });

  it('pays no bonus to a resident who has taken part before', () => {
    expect(credit(rule({ firstParticipationBonus: 50 })).breakdown.bonus).toBe(0);
  });

  it.each([0, 1441, 1.5, -30, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses %s minutes of service',
    (minutes) => {
      expect(validationFailure(() => credit(rule(), { minutes }))).toMatch(/^minutes: /);
    },
  );

  it.each([-1, 0.5, Number.MAX_SAFE_INTEGER + 1])(
    'refuses %s points earned the same day',
    (earnedSameDay) => {
      expect(validationFailure(() => credit(rule(), { earnedSameDay }))).toMatch(
        /^earnedSameDay: /,
      );
    },
  );

  it('refuses an unknown category', () => {
    const category = 'gardening' as ServiceCategory;
    expect(validationFailure(() => credit(rule(), { category }))).toMatch(/^category: /);
  });

  it('refuses a rule with a fractional weight, naming where the fault is', () => {
    const terms = rule({ categoryWeights: { culture: 1.5 } });
    expect(validationFailure(() => credit(terms))).toMatch(/^rule\.categoryWeights\.culture: /);
  });

  it('accepts a published rule, version and date included', () => {
    const published = EarningRule.parse({
      ...rule(),
      version: 3,
      publishedAt: '2025-03-01T08:00:00+08:00',
    });
    expect(credit(published).points).toBe(10);
  });

  it('always pays a non-negative safe integer that matches its breakdown', () => {
    fc.assert(
      fc.property(ruleArb, serviceArb, (terms, service) => {
        const { points, breakdown } = pointsForService({ rule: terms, ...service });
        for (const value of [points, ...Object.values(breakdown)]) {
          expect(Number.isSafeInteger(value) && value >= 0).toBe(true);
        }
        expect(points).toBe(breakdown.weighted - breakdown.capReduction + breakdown.bonus);
      }),
      runs,
    );
  });

  it('never pays less for more minutes', () => {
    fc.assert(
      fc.property(ruleArb, serviceArb, minutesArb, (terms, service, otherMinutes) => {
        const [fewer, more] = [service.minutes, otherMinutes].sort((a, b) => a - b) as [
          number,
          number,
        ];
        const paid = (minutes: number) => pointsForService({ rule: terms, ...service, minutes });
        expect(paid(fewer).points).toBeLessThanOrEqual(paid(more).points);
      }),
      runs,
    );
  });

  it('never pays less for a higher weight', () => {
    fc.assert(
      fc.property(ruleArb, serviceArb, weightArb, weightArb, (terms, service, a, b) => {
        const paid = (weight: number) =>
          pointsForService({
            rule: { ...terms, categoryWeights: { [service.category]: weight } },
            ...service,
          });
        expect(paid(Math.min(a, b)).points).toBeLessThanOrEqual(paid(Math.max(a, b)).points);
      }),
      runs,
    );
  });

  it('pays exactly the base at a weight of 100%', () => {
    fc.assert(
      fc.property(ruleArb, serviceArb, (terms, service) => {
        const unweighted = { ...terms, categoryWeights: { [service.category]: 100 } };
        const { breakdown } = pointsForService({ rule: unweighted, ...service });
        expect(breakdown.weighted).toBe(breakdown.base);
      }),
      runs,
    );
  });

  it('pays only the bonus when the base rate is zero', () => {
    fc.assert(
      fc.property(ruleArb, serviceArb, (terms, service) => {
        const { points } = pointsForService({
          rule: { ...terms, basePointsPerHour: 0 },
          ...service,
        });
        const bonus = service.isFirstParticipation ? (terms.firstParticipationBonus ?? 0) : 0;
        expect(points).toBe(bonus);
      }),
      runs,
    );
  });
});

describe('creditsForDay', () => {
  it('carries the cap across the records of a day', () => {
    const records = [1, 2, 3].map(() => ({ minutes: 60, category: 'other' as const }));
    const credits = creditsForDay(rule({ dailyCapPoints: 25 }), records, { isFirstEver: false });
    expect(credits.map((c) => c.points)).toEqual([10, 10, 5]);
  });

  it('gives the first-participation bonus to the first record only', () => {
    const records = [1, 2].map(() => ({ minutes: 60, category: 'other' as const }));
    const credits = creditsForDay(rule({ firstParticipationBonus: 50 }), records, {
      isFirstEver: true,
    });
    expect(credits.map((c) => c.breakdown.bonus)).toEqual([50, 0]);
  });

  it('gives no bonus on the day of a resident who has taken part before', () => {
    const records = [{ minutes: 60, category: 'other' as const }];
    const [only] = creditsForDay(rule({ firstParticipationBonus: 50 }), records, {
      isFirstEver: false,
    });
    expect(only?.points).toBe(10);
  });

  it('refuses a day with an invalid record, naming which one', () => {
    const records = [
      { minutes: 60, category: 'other' as const },
      { minutes: 0, category: 'other' as const },
    ];
    const message = validationFailure(() => creditsForDay(rule(), records, { isFirstEver: false }));
    expect(message).toMatch(/^records\.1\.minutes: /);
  });

  const dayArb = fc.array(fc.record({ minutes: minutesArb, category: categoryArb }), {
    minLength: 1,
    maxLength: 20,
  });

  it('never pays more than the cap in a day, bonus aside, however the records fall', () => {
    fc.assert(
      fc.property(ruleArb, dayArb, fc.boolean(), (terms, records, isFirstEver) => {
        const credits = creditsForDay(terms, records, { isFirstEver });
        const earned = sum(credits.map((c) => c.points - c.breakdown.bonus));
        const uncapped = sum(credits.map((c) => c.breakdown.weighted));
        expect(earned).toBe(Math.min(terms.dailyCapPoints ?? uncapped, uncapped));
      }),
      runs,
    );
  });

  it('loses less than a point per record when a service is split into several', () => {
    const partsArb = fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 7 });
    fc.assert(
      fc.property(ruleArb, categoryArb, partsArb, (terms, category, parts) => {
        const paid = (minutes: number[]) =>
          sum(
            creditsForDay(
              terms,
              minutes.map((m) => ({ minutes: m, category })),
              { isFirstEver: false },
            ).map((c) => c.points),
          );
        const whole = paid([sum(parts)]);
        const split = paid(parts);
        expect(split).toBeLessThanOrEqual(whole);
        expect(whole - split).toBeLessThanOrEqual(parts.length - 1);
      }),
      runs,
    );
  });
});

describe('previewRule', () => {
  const record = (residentId: string, serviceDate: string, minutes = 60) => ({
    residentId,
    serviceDate,
    minutes,
    category: 'other' as const,
    isFirstParticipation: false,
  });

  it('applies the cap per resident per day and counts who would be paid', () => {
    const preview = previewRule({
      rule: rule({ dailyCapPoints: 15 }),
      records: [
        record('ana', '2025-03-01'),
        record('ana', '2025-03-01'), // capped to 5
        record('ana', '2025-03-02'), // a new day, a new cap
        record('bo', '2025-03-01'), // another resident's cap
        record('cy', '2025-03-01', 5), // rounds down to nothing
      ],
    });
    expect(preview).toEqual({
      totalPoints: 35,
      residents: 2,
      perResident: { ana: 25, bo: 10, cy: 0 },
    });
  });

  it('pays the bonus to the records marked as a first participation', () => {
    const first = { ...record('ana', '2025-03-01'), isFirstParticipation: true };
    const preview = previewRule({ rule: rule({ firstParticipationBonus: 50 }), records: [first] });
    expect(preview.totalPoints).toBe(60);
  });

  it('pays nothing for no records', () => {
    expect(previewRule({ rule: rule(), records: [] })).toEqual({
      totalPoints: 0,
      residents: 0,
      perResident: {},
    });
  });

  it('refuses a record with an impossible date', () => {
    const message = validationFailure(() =>
      previewRule({ rule: rule(), records: [record('ana', '2025-02-30')] }),
    );
    expect(message).toMatch(/^records\.0\.serviceDate: /);
  });

  it('agrees with crediting one day at a time', () => {
    const residentArb = fc.constantFrom('ana', 'bo', '__proto__');
    const dateArb = fc.constantFrom('2025-03-01', '2025-03-02');
    const recordsArb = fc.array(
      fc.record({
        residentId: residentArb,
        serviceDate: dateArb,
        minutes: minutesArb,
        category: categoryArb,
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(ruleArb, recordsArb, (terms, records) => {
        const preview = previewRule({
          rule: terms,
          records: records.map((r) => ({ ...r, isFirstParticipation: false })),
        });
        const days = new Map<string, typeof records>();
        for (const r of records) {
          const key = `${r.residentId} ${r.serviceDate}`;
          days.set(key, [...(days.get(key) ?? []), r]);
        }
        const expected = sum(
          [...days.values()].map((day) =>
            sum(creditsForDay(terms, day, { isFirstEver: false }).map((c) => c.points)),
          ),
        );
        expect(preview.totalPoints).toBe(expected);
        expect(sum(Object.values(preview.perResident))).toBe(expected);
      }),
      runs,
    );
  });
});
