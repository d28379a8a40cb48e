import { describe, expect, it } from 'vitest';
import { attendedMinutes, isInvited, signUpRefusal } from './activity-rules';

const at = (time: string) => new Date(`2026-05-01T${time}:00+08:00`);

describe('who an activity invites', () => {
  const group = { ageBands: ['under_30'], buildings: ['7', '8'] };

  it('is everyone without a group, and otherwise the age band and the building both', () => {
    expect(isInvited(null, { birthYear: null, building: null }, 2026)).toBe(true);
    expect(isInvited(group, { birthYear: 2000, building: '7' }, 2026)).toBe(true);
    expect(isInvited(group, { birthYear: 2000, building: '2' }, 2026)).toBe(false);
    expect(isInvited(group, { birthYear: 1990, building: '7' }, 2026)).toBe(false);
    // Unknown age or building: not shown to be in the group.
    expect(isInvited(group, { birthYear: null, building: '7' }, 2026)).toBe(false);
    expect(
      isInvited({ ageBands: [], buildings: ['7'] }, { birthYear: 1950, building: '7' }, 2026),
    ).toBe(true);
  });
});

describe('why a sign-up is refused', () => {
  const open = {
    status: 'published' as const,
    startsAt: at('10:00'),
    signUpOpensAt: null,
    slots: 2,
    waitingList: false,
    signedUp: 0,
    mine: null,
    invited: true,
    now: at('09:00'),
  };

  it('says the first reason that holds: not open, already in, not invited, full', () => {
    expect(signUpRefusal(open)).toBeNull();
    expect(signUpRefusal({ ...open, status: 'draft' })).toBe('ACTIVITY_NOT_OPEN');
    expect(signUpRefusal({ ...open, now: at('10:00') })).toBe('ACTIVITY_NOT_OPEN');
    expect(signUpRefusal({ ...open, signUpOpensAt: at('09:30') })).toBe('ACTIVITY_NOT_OPEN');
    expect(signUpRefusal({ ...open, mine: 'waitlisted', invited: false })).toBe(
      'ALREADY_SIGNED_UP',
    );
    expect(signUpRefusal({ ...open, invited: false, signedUp: 2 })).toBe('NOT_INVITED');
    expect(signUpRefusal({ ...open, signedUp: 2 })).toBe('ACTIVITY_FULL');
    // With a waiting list a full activity still takes sign-ups, onto the list.
    expect(signUpRefusal({ ...open, signedUp: 2, waitingList: true })).toBeNull();
    expect(signUpRefusal({ ...open, slots: null, signedUp: 500 })).toBeNull();
  });
});

describe('the minutes an attendance counts', () => {
  const activity = { startsAt: at('09:00'), endsAt: at('11:00') };

  it('runs from check-in to check-out, capped by the activity, or is its length', () => {
    expect(
      attendedMinutes({ ...activity, checkedInAt: at('09:10'), checkedOutAt: at('10:05') }),
    ).toBe(55);
    expect(
      attendedMinutes({ ...activity, checkedInAt: at('08:30'), checkedOutAt: at('11:45') }),
    ).toBe(120);
    expect(attendedMinutes({ ...activity, checkedInAt: at('09:40'), checkedOutAt: null })).toBe(
      120,
    );
    expect(
      attendedMinutes({ ...activity, checkedInAt: at('09:40'), checkedOutAt: at('09:40') }),
    ).toBe(1);
  });
});
