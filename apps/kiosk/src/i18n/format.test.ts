import { describe, expect, it } from 'vitest';
import {
  formatHours,
  formatMonth,
  formatNumber,
  formatPercent,
  formatShortDate,
  formatSignedPoints,
} from './format';

describe("numbers and dates in the resident's language", () => {
  it('groups thousands', () => {
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatNumber(12345, 'zh')).toBe('12,345');
  });

  it('shows service minutes as hours with at most one decimal', () => {
    expect(formatHours(90, 'en')).toBe('1.5');
    expect(formatHours(125, 'en')).toBe('2.1');
    expect(formatHours(7290, 'zh')).toBe('121.5');
  });

  it('signs a change of points with a plus or a true minus', () => {
    expect(formatSignedPoints(30, 'en')).toBe('+30');
    expect(formatSignedPoints(-1200, 'en')).toBe('\u22121,200');
    expect(formatSignedPoints(0, 'zh')).toBe('0');
  });

  it('writes a short date the way each language does', () => {
    const date = new Date(2026, 10, 12, 10, 0).toISOString();
    expect(formatShortDate(date, 'en')).toBe('12 Nov');
    expect(formatShortDate(date, 'zh')).toBe('11月12日');
  });

  it('names the community month', () => {
    expect(formatMonth('2026-11', 'en')).toBe('November 2026');
    expect(formatMonth('2026-11', 'zh')).toBe('2026年11月');
  });

  it('never shows 0% once something is raised, nor 100% before the target', () => {
    expect(formatPercent(0, 1500, 'en')).toBe('0%');
    expect(formatPercent(10, 1500, 'en')).toBe('<1%');
    expect(formatPercent(200, 3000, 'en')).toBe('6%');
    expect(formatPercent(2999, 3000, 'en')).toBe('99%');
    expect(formatPercent(3500, 3000, 'en')).toBe('100%');
  });
});
