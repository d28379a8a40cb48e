import { describe, expect, it } from 'vitest';
import { ageBandOf } from './age-bands';
import { fraction, rateCell, SUPPRESSED, smallGroupCell } from './reports';

describe('the small-group rule', () => {
  it('hides a count of fewer than five residents, zero included, and shows five', () => {
    expect([0, 1, 4, 5, 6].map((n) => smallGroupCell(n))).toEqual([
      SUPPRESSED,
      SUPPRESSED,
      SUPPRESSED,
      5,
      6,
    ]);
  });

  it('hides a figure computed from fewer than five residents along with them', () => {
    expect(smallGroupCell(4, 12.5)).toBe('<5');
    expect(smallGroupCell(5, 12.5)).toBe(12.5);
  });

  it('hides a rate when either of its counts is hidden', () => {
    expect(rateCell(4, 100)).toBe('<5');
    expect(rateCell(5, 4)).toBe('<5');
    expect(rateCell(5, 20)).toBe(0.25);
  });

  it('rounds fractions to four decimals and calls nothing of nothing zero', () => {
    expect(fraction(1, 3)).toBe(0.3333);
    expect(fraction(0, 0)).toBe(0);
  });
});

describe('age bands', () => {
  it('puts each edge age in the band the report states', () => {
    const bandAt = (age: number) => ageBandOf(2026 - age, 2026);
    expect([0, 29, 30, 44, 45, 59, 60, 74, 75, 103].map(bandAt)).toEqual([
      'under_30',
      'under_30',
      '30_44',
      '30_44',
      '45_59',
      '45_59',
      '60_74',
      '60_74',
      '75_plus',
      '75_plus',
    ]);
    expect(ageBandOf(null, 2026)).toBeNull();
  });
});
