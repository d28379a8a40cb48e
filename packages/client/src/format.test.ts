import { describe, expect, it } from 'vitest';
import { formatHours, formatMonth, formatNumber, formatShortDate, localeOf } from './format';

describe('numbers and dates in the reader’s language', () => {
  it('writes English as in Britain and anything else in Chinese', () => {
    expect(localeOf('en')).toBe('en-GB');
    expect(localeOf('zh')).toBe('zh-CN');
  });

  it('groups thousands of a whole number', () => {
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatNumber(12345, 'zh')).toBe('12,345');
  });

  it('shows service minutes as hours with at most one decimal', () => {
    expect(formatHours(90, 'en')).toBe('1.5');
    expect(formatHours(125, 'en')).toBe('2.1');
    expect(formatHours(7290, 'zh')).toBe('121.5');
  });

  it('writes a short date the way each language does', () => {
    const date = new Date(2026, 10, 12, 10, 0);
    expect(formatShortDate(date.toISOString(), 'en')).toBe('12 Nov');
    expect(formatShortDate(date, 'zh')).toBe('11月12日');
  });

  it('names the community month, whatever the time zone', () => {
    expect(formatMonth('2026-11', 'en')).toBe('November 2026');
    expect(formatMonth('2026-11', 'zh')).toBe('2026年11月');
    expect(formatMonth('soon', 'en')).toBe('soon');
  });
});
