import { describe, expect, it } from 'vitest';
import { daysLeftOnNotice, parseNoticeDays } from './notice-period';

describe('the notice period field', () => {
  it('takes whole days from 1 to 90, as the service does', () => {
    expect(parseNoticeDays(' 7 ')).toBe(7);
    expect(parseNoticeDays('1')).toBe(1);
    expect(parseNoticeDays('90')).toBe(90);
  });

  it('refuses nothing, zero, more than 90 days, fractions and words', () => {
    for (const text of ['', '0', '91', '3.5', '-2', 'seven', '1e1']) {
      expect(parseNoticeDays(text), text).toBeNull();
    }
  });
});

describe('days left on the board', () => {
  const now = new Date('2026-11-27T12:00:00Z');

  it('counts a started day as a day', () => {
    expect(daysLeftOnNotice('2026-12-04T12:00:00Z', now)).toBe(7);
    expect(daysLeftOnNotice('2026-12-04T11:00:00Z', now)).toBe(7);
    expect(daysLeftOnNotice('2026-11-28T13:00:00Z', now)).toBe(2);
  });

  it('says the last day for a record leaving within 24 hours', () => {
    expect(daysLeftOnNotice('2026-11-27T13:00:00Z', now)).toBe(1);
    expect(daysLeftOnNotice('2026-11-27T11:59:00Z', now)).toBe(1);
  });
});
