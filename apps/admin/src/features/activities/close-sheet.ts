import type { AttendanceEntry, CloseActivityInput } from '@tally/domain/activities';
import { ACTIVITY_MAX_MINUTES } from '@tally/domain/activities';

// The sign-in sheet closing writes: each attendee's minutes as the door counted them, or as
// the leader adjusted them with a reason.

export type Adjustment = { minutes: number; reason: string };
/** By resident id: at most one adjustment each, as the service takes them. */
export type Adjustments = Record<string, Adjustment>;

export function adjustmentList(adjustments: Adjustments): CloseActivityInput['adjustments'] {
  return Object.entries(adjustments).map(([residentId, { minutes, reason }]) => ({
    residentId,
    minutes,
    reason,
  }));
}

/** The minutes the sheet will credit, adjustments included. */
export function sheetTotals(came: readonly AttendanceEntry[], adjustments: Adjustments) {
  const minutes = came.reduce(
    (sum, entry) => sum + (adjustments[entry.resident.id]?.minutes ?? entry.minutes ?? 0),
    0,
  );
  return { people: came.length, minutes };
}

export type AdjustmentError = 'minutes' | 'reason';

/** Minutes typed as a whole number from 1 to a day's, and a reason: both are needed. */
export function readAdjustment(typed: {
  minutes: string;
  reason: string;
}): { adjustment: Adjustment; errors: null } | { adjustment: null; errors: AdjustmentError[] } {
  const text = typed.minutes.trim();
  const minutes = Number(text);
  const errors: AdjustmentError[] = [];
  if (!/^\d+$/.test(text) || minutes < 1 || minutes > ACTIVITY_MAX_MINUTES) errors.push('minutes');
  if (!typed.reason.trim()) errors.push('reason');
  if (errors.length > 0) return { adjustment: null, errors };
  return { adjustment: { minutes, reason: typed.reason.trim() }, errors: null };
}
