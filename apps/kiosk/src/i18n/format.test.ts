import { describe, expect, it } from 'vitest';
import { formatPercent, formatSignedPoints } from './format';

describe("the kiosk's figures in the resident's language", () => {
  it('signs a change of points with a plus or a true minus', () => {
    expect(formatSignedPoints(30, 'en')).toBe('+30');
    expect(formatSignedPoints(-1200, 'en')).toBe('\u22121,200');
    expect(formatSignedPoints(0, 'zh')).toBe('0');
  });

  it('never shows 0% once something is raised, nor 100% before the target', () => {
    expect(formatPercent(0, 1500, 'en')).toBe('0%');
    expect(formatPercent(10, 1500, 'en')).toBe('<1%');
    expect(formatPercent(200, 3000, 'en')).toBe('6%');
    expect(formatPercent(2999, 3000, 'en')).toBe('99%');
    expect(formatPercent(3500, 3000, 'en')).toBe('100%');
  });
});
