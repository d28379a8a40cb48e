import { describe, expect, it } from 'vitest';
import { arrivals, attendanceState, splitAttendance } from './attendance-words';
import { adjustmentList, readAdjustment, sheetTotals } from './close-sheet';
import { anEntry as entry } from './test-activities';

describe('the sheet closing writes', () => {
  it('counts each attendee’s minutes, an adjustment in place of the door’s', () => {
    const came = [entry(1, { minutes: 120 }), entry(2, { minutes: 45 })];
    const adjustments = { [came[1]?.resident.id ?? '']: { minutes: 90, reason: 'Stayed on' } };
    expect(sheetTotals(came, adjustments)).toEqual({ people: 2, minutes: 210 });
    expect(adjustmentList(adjustments)).toEqual([
      { residentId: came[1]?.resident.id, minutes: 90, reason: 'Stayed on' },
    ]);
  });

  it('takes an adjustment only with whole minutes within a day and a reason', () => {
    expect(readAdjustment({ minutes: '90', reason: ' Left early ' })).toEqual({
      adjustment: { minutes: 90, reason: 'Left early' },
      errors: null,
    });
    expect(readAdjustment({ minutes: '0', reason: '' }).errors).toEqual(['minutes', 'reason']);
    expect(readAdjustment({ minutes: '1441', reason: 'x' }).errors).toEqual(['minutes']);
  });
});

describe('the lists of who signed up and came', () => {
  it('keeps the waiting list apart, in the order places go', () => {
    const { people, waiting } = splitAttendance([
      entry(1, { checkedInAt: '2026-12-07T09:02:00Z' }),
      entry(2, { signUp: 'waitlisted', waitingPosition: 2 }),
      entry(3, { signUp: 'waitlisted', waitingPosition: 1 }),
      entry(4, { signUp: 'cancelled' }),
      entry(5),
    ]);
    expect(people.map((e) => e.resident.cardNumber)).toEqual(['Q0001', 'Q0005']);
    expect(waiting.map((e) => e.resident.cardNumber)).toEqual(['Q0003', 'Q0002']);
  });

  it('says a walk-in and a no-show as such, and lists arrivals latest first', () => {
    const walkIn = entry(1, { signUp: null, walkIn: true, checkedInAt: '2026-12-07T09:10:00Z' });
    const early = entry(2, { checkedInAt: '2026-12-07T08:55:00Z' });
    expect(attendanceState(walkIn)).toBe('walkIn');
    expect(attendanceState(entry(3, { signUp: 'no_show' }))).toBe('noShow');
    expect(arrivals([early, entry(3), walkIn]).map((e) => e.resident.cardNumber)).toEqual([
      'Q0001',
      'Q0002',
    ]);
  });
});
