import { describe, expect, it } from 'vitest';
import { zonedTime } from './zoned-time';

describe('local times in a community time zone', () => {
  it('writes the wall clock and the offset of the zone', () => {
    const instant = new Date('2026-03-10T01:00:00.250Z');
    expect(zonedTime('Asia/Shanghai')(instant)).toBe('2026-03-10T09:00:00+08:00');
    expect(zonedTime('Asia/Kolkata')(instant)).toBe('2026-03-10T06:30:00+05:30');
    expect(zonedTime('UTC')(instant)).toBe('2026-03-10T01:00:00+00:00');
  });

  it('follows daylight saving time, and the date line west of Greenwich', () => {
    const newYork = zonedTime('America/New_York');
    expect(newYork(new Date('2026-01-15T04:59:59Z'))).toBe('2026-01-14T23:59:59-05:00');
    expect(newYork(new Date('2026-07-01T12:00:00Z'))).toBe('2026-07-01T08:00:00-04:00');
  });
});
