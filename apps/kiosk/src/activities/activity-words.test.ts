import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n';
import { kioskActivity } from '../test/fake-api';
import { daysFrom, forWhomText, placesText, whenText, whyNotText } from './activity-words';

const en = createI18n('en').t;
const zh = createI18n('zh').t;
// Built on this machine's clock, as the kiosk reads them: Monday 7 December 2026, 12:00.
const now = new Date(2026, 11, 7, 12, 0);
const at = (day: number, hour: number, minute = 0) =>
  new Date(2026, 11, day, hour, minute).toISOString();

describe('an activity in plain words', () => {
  it('counts calendar days, not 24-hour spans', () => {
    expect(daysFrom(now, new Date(2026, 11, 8, 1, 0))).toBe(1);
    expect(daysFrom(now, new Date(2026, 11, 7, 23, 59))).toBe(0);
    expect(daysFrom(now, new Date(2026, 11, 6, 23, 59))).toBe(-1);
  });

  it('says today and tomorrow, and names the weekday and date further off', () => {
    const tonight = { startsAt: at(7, 19), endsAt: at(7, 21) };
    expect(whenText(en, tonight, 'en', { now })).toBe('Today, 19:00–21:00');
    expect(whenText(zh, tonight, 'zh', { now })).toBe('今天 19:00–21:00');
    const tomorrow = { startsAt: at(8, 9, 30), endsAt: at(8, 11) };
    expect(whenText(en, tomorrow, 'en', { now })).toBe('Tomorrow, 09:30–11:00');
    const saturday = { startsAt: at(12, 10), endsAt: at(12, 12) };
    expect(whenText(en, saturday, 'en', { now })).toBe('Saturday 12 December, 10:00–12:00');
    expect(whenText(zh, saturday, 'zh', { now })).toBe('12月12日星期六 10:00–12:00');
  });

  it('writes the date out in a sentence, where "on tomorrow" would not do', () => {
    const tomorrow = { startsAt: at(8, 9), endsAt: at(8, 11) };
    expect(whenText(en, tomorrow, 'en', { now, relative: false })).toBe(
      'Tuesday 8 December, 09:00–11:00',
    );
  });

  it('says how many places are left, or that the waiting list is open', () => {
    expect(placesText(en, { slots: 10, slotsLeft: 1, waitingList: false })).toBe('1 place left');
    expect(placesText(zh, { slots: 10, slotsLeft: 3, waitingList: false })).toBe('还剩 3 个名额');
    expect(placesText(en, { slots: 4, slotsLeft: 0, waitingList: true })).toBe(
      'Full: you can join the waiting list',
    );
    expect(placesText(en, { slots: 4, slotsLeft: 0, waitingList: false })).toBe(
      'Full: every place is taken',
    );
    expect(placesText(en, { slots: null, slotsLeft: null, waitingList: false })).toBe(
      'Everyone welcome: no limit on places',
    );
  });

  it('says why a resident cannot sign up, in words of their own situation', () => {
    const why = (overrides: Parameters<typeof kioskActivity>[0]) =>
      whyNotText(en, kioskActivity({ canSignUp: false, ...overrides }), 'en', now);
    expect(whyNotText(en, kioskActivity(), 'en', now)).toBeNull();
    expect(why({ whyNot: 'ACTIVITY_FULL' })).toBe('Full: every place is taken');
    expect(
      why({
        whyNot: 'ALREADY_SIGNED_UP',
        mySignUp: { status: 'waitlisted', waitingPosition: 2, checkedInAt: null, signedUpBy: null },
      }),
    ).toBe('You are on the waiting list, number 2');
    expect(
      why({
        whyNot: 'ALREADY_SIGNED_UP',
        mySignUp: {
          status: 'signed_up',
          waitingPosition: null,
          checkedInAt: null,
          signedUpBy: null,
        },
      }),
    ).toBe('You are signed up');
    expect(why({ whyNot: 'NOT_INVITED' })).toMatch(/particular group of residents/);
    expect(why({ whyNot: 'ACTIVITY_NOT_OPEN', signUpOpensAt: at(8, 10) })).toBe(
      'Sign-up opens: Tomorrow, 10:00',
    );
    expect(why({ whyNot: 'ACTIVITY_NOT_OPEN', signUpOpensAt: null })).toBe(
      'It has started: sign-up is closed',
    );
  });

  it('says whom an activity is for, to everyone, when only some are invited', () => {
    const invite = (ageBands: ('under_30' | '75_plus')[], buildings: string[]) => ({
      ageBands,
      buildings,
      campaign: null,
    });
    expect(forWhomText(en, null)).toBeNull();
    expect(forWhomText(en, invite([], []))).toBeNull();
    expect(forWhomText(en, invite(['under_30'], []))).toBe('For residents under 30');
    expect(forWhomText(zh, invite(['under_30'], []))).toBe('面向30岁以下的居民');
    expect(forWhomText(en, invite([], ['7', '8']))).toBe('For residents of building 7, 8');
    expect(forWhomText(zh, invite(['under_30', '75_plus'], ['7']))).toBe(
      '面向7号楼30岁以下、75岁及以上的居民',
    );
  });
});
