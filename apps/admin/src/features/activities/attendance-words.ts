import type { AttendanceEntry } from '@tally/domain/activities';

/** Where one person stands at an activity, as the sign-up lists say it. */
export type AttendanceState = 'came' | 'walkIn' | 'signedUp' | 'waiting' | 'noShow' | 'gaveUp';

export function attendanceState(entry: AttendanceEntry): AttendanceState {
  if (entry.checkedInAt) return entry.walkIn ? 'walkIn' : 'came';
  switch (entry.signUp) {
    case 'waitlisted':
      return 'waiting';
    case 'no_show':
      return 'noShow';
    case 'cancelled':
      return 'gaveUp';
    default:
      return 'signedUp';
  }
}

/**
 * The people holding a place or who came (checked in first, as the service orders them), and
 * apart, the waiting list in the order its people move up.
 */
export function splitAttendance(entries: readonly AttendanceEntry[]) {
  const waiting = entries
    .filter((entry) => attendanceState(entry) === 'waiting')
    .sort((a, b) => (a.waitingPosition ?? 0) - (b.waitingPosition ?? 0));
  const people = entries.filter((entry) => {
    const state = attendanceState(entry);
    return state !== 'waiting' && state !== 'gaveUp';
  });
  return { people, waiting };
}

/** Who came through the door, the latest first: the door's running list. */
export function arrivals(entries: readonly AttendanceEntry[]): AttendanceEntry[] {
  return entries
    .filter((entry) => entry.checkedInAt !== null)
    .sort((a, b) => Date.parse(b.checkedInAt ?? '') - Date.parse(a.checkedInAt ?? ''));
}
