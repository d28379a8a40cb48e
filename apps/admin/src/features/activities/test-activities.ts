import type { AttendanceEntry, StaffActivity } from '@tally/domain/activities';

// Activities and their attendance for component and form tests.

export const ORGANIZATION_ID = '11111111-1111-4111-8111-111111111111';
export const ACTIVITY_ID = '22222222-2222-4222-8222-222222222222';

/** The Sunshine Volunteers' courtyard clean-up, published, a week ahead, 10 places. */
export function anActivity(changes: Partial<StaffActivity> = {}): StaffActivity {
  const week = 7 * 24 * 60 * 60_000;
  const starts = new Date(Date.now() + week);
  return {
    id: ACTIVITY_ID,
    organization: { id: ORGANIZATION_ID, name: { zh: '阳光志愿队', en: 'Sunshine Volunteers' } },
    title: { zh: '庭院大扫除', en: 'Courtyard clean-up' },
    description: { zh: '', en: '' },
    category: 'environment',
    place: 'Courtyard B',
    startsAt: starts.toISOString(),
    endsAt: new Date(starts.getTime() + 2 * 60 * 60_000).toISOString(),
    signUpOpensAt: null,
    slots: 10,
    waitingList: false,
    invite: null,
    status: 'published',
    cancelReason: null,
    signedUp: 3,
    waitlisted: 0,
    checkedIn: 0,
    noShows: 0,
    createdBy: { id: '00000000-0000-4000-8000-000000000006', displayName: 'Zhang Wei' },
    createdAt: '2026-12-01T02:00:00.000Z',
    publishedAt: '2026-12-01T02:05:00.000Z',
    cancelledAt: null,
    closedAt: null,
    ...changes,
  };
}

/** Resident `n` (card Q000n), signed up and not yet at the door. */
export function anEntry(n: number, changes: Partial<AttendanceEntry> = {}): AttendanceEntry {
  return {
    resident: {
      id: `00000000-0000-4000-8000-00000000010${n}`,
      name: `Resident ${n}`,
      displayName: `Resident ${n}`,
      cardNumber: `Q000${n}`,
    },
    signUp: 'signed_up',
    waitingPosition: null,
    checkedInAt: null,
    checkedOutAt: null,
    walkIn: false,
    minutes: null,
    adjustment: null,
    serviceRecordId: null,
    ...changes,
  };
}
