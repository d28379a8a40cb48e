import { describe, expect, it } from 'vitest';
import { formatDay, formatDayWithYear, formatPercent, formatSignedPoints } from './format';

describe('figures and days in the reader’s language', () => {
  it('signs a change of points with a plus or a true minus', () => {
    expect(formatSignedPoints(30, 'en')).toBe('+30');
    expect(formatSignedPoints(-1200, 'en')).toBe('\u22121,200');
  });

  it('never shows 0% once something is raised, nor 100% before the target', () => {
    expect(formatPercent(10, 1500, 'en')).toBe('<1%');
    expect(formatPercent(2999, 3000, 'en')).toBe('99%');
  });

  it('writes a calendar day as itself, whatever the phone’s time zone', () => {
    expect(formatDay('2026-11-29', 'en')).toBe('29 Nov');
    expect(formatDay('2026-11-29', 'zh')).toBe('11月29日');
    expect(formatDayWithYear('2025-12-07', 'en')).toBe('7 Dec 2025');
    expect(formatDayWithYear('2025-12-07', 'zh')).toBe('2025年12月7日');
  });
});
