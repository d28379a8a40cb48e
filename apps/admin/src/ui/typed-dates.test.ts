import { describe, expect, it } from 'vitest';
import { readDay, readTime } from './typed-dates';

describe('days and times as people type them', () => {
  it('reads a day typed the ways offices write it', () => {
    for (const typed of [
      '2026-12-07',
      '2026/12/7',
      '2026.12.07',
      '2026年12月7日',
      ' 2026 - 12 - 7 ',
    ])
      expect(readDay(typed), typed).toBe('2026-12-07');
  });

  it('refuses what is not a day of the calendar', () => {
    for (const typed of ['2026-02-30', '2026-13-01', '7/12/2026', '', 'tomorrow'])
      expect(readDay(typed), typed).toBeNull();
  });

  it('reads a time on the 24-hour clock', () => {
    expect(readTime('14:00')).toBe('14:00');
    expect(readTime('9:30')).toBe('09:30');
    expect(readTime('930')).toBe('09:30');
    expect(readTime('9点30')).toBe('09:30');
    expect(readTime('9点')).toBe('09:00');
    expect(readTime('24:00')).toBeNull();
    expect(readTime('9:75')).toBeNull();
  });
});
