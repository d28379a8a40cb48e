import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Minutes, minutesToHours, Points, SignedAmount } from './units';

const runs = { seed: 42, numRuns: 500 };

describe.each([
  ['Minutes', Minutes],
  ['Points', Points],
] as const)('%s', (_name, schema) => {
  it.each([0, 1, 90, Number.MAX_SAFE_INTEGER])('accepts the whole amount %s', (value) => {
    expect(schema.safeParse(value).success).toBe(true);
  });

  it.each([1.5, -1, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Number.POSITIVE_INFINITY, '10', null])(
    'refuses %s',
    (value) => {
      expect(schema.safeParse(value).success).toBe(false);
    },
  );

  it('accepts exactly the non-negative safe integers', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double(), fc.maxSafeInteger()), (value) => {
        const wholeAndSafe = Number.isSafeInteger(value) && value >= 0;
        expect(schema.safeParse(value).success).toBe(wholeAndSafe);
      }),
      runs,
    );
  });
});

describe('SignedAmount', () => {
  it('accepts debits and credits', () => {
    expect(SignedAmount.safeParse(-30).success).toBe(true);
    expect(SignedAmount.safeParse(30).success).toBe(true);
  });

  it.each([0, 0.5, -Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER + 1])(
    'refuses %s',
    (value) => {
      expect(SignedAmount.safeParse(value).success).toBe(false);
    },
  );
});

describe('minutesToHours', () => {
  it('shows 90 minutes as 1.5 hours', () => {
    expect(minutesToHours(90)).toBe(1.5);
  });

  it('shows 20 minutes to two decimal places', () => {
    expect(minutesToHours(20)).toBe(0.33);
  });
});
