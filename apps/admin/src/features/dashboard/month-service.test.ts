import type { ServiceRecord } from '@tally/domain/service';
import { describe, expect, it } from 'vitest';
import { summarizeMonth } from './month-service';

const record = (resident: string, day: number, minutes: number, category: string) =>
  ({
    resident: { id: resident },
    startedAt: new Date(2026, 10, day, 9).toISOString(),
    minutes,
    activity: { category },
  }) as unknown as ServiceRecord;

describe("the dashboard's month", () => {
  it('adds up hours, people, days and categories', () => {
    const month = summarizeMonth(
      [
        record('a', 1, 60, 'culture'),
        record('a', 1, 30, 'safety'),
        record('b', 30, 120, 'culture'),
      ],
      new Date(2026, 10, 1),
      false,
    );
    expect(month.minutes).toBe(210);
    expect(month.participants).toBe(2);
    expect(month.byDay).toHaveLength(30);
    expect(month.byDay[0]).toBe(90);
    expect(month.byDay[29]).toBe(120);
    expect(month.byCategory).toEqual([
      { category: 'culture', minutes: 180 },
      { category: 'safety', minutes: 30 },
    ]);
  });
});
