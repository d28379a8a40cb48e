import { localeOf } from '@tally/client/format';
import type { TFunction } from 'i18next';
import type { KioskActivity } from '../api/me-types';
import { formatTime } from '../i18n/format';
import type { Language } from '../session/device-storage';

// An activity in plain words: when it is, how many places are left, and why a resident cannot
// sign up. Days and times are read on the phone's clock.

const DAY_MS = 86_400_000;

/** Calendar days from `now` to `moment`: 0 today, 1 tomorrow, −1 yesterday. */
export function daysFrom(now: Date, moment: Date): number {
  const midnight = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  return Math.round((midnight(moment) - midnight(now)) / DAY_MS);
}

/**
 * The day: "Today", "Tomorrow", else the weekday and date ("Saturday 13 December",
 * "12月13日星期六"). In a sentence (`relative: false`) always the date.
 */
export function dayText(
  t: TFunction,
  iso: string,
  language: Language,
  { now = new Date(), relative = true }: { now?: Date; relative?: boolean } = {},
): string {
  const moment = new Date(iso);
  const days = daysFrom(now, moment);
  if (relative && days === 0) return t('activities.today');
  if (relative && days === 1) return t('activities.tomorrow');
  return new Intl.DateTimeFormat(localeOf(language), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(moment);
}

/** "Tomorrow, 19:00–21:00". */
export function whenText(
  t: TFunction,
  { startsAt, endsAt }: { startsAt: string; endsAt: string },
  language: Language,
  options: { now?: Date; relative?: boolean } = {},
): string {
  return t('activities.when', {
    day: dayText(t, startsAt, language, options),
    from: formatTime(startsAt, language),
    to: formatTime(endsAt, language),
  });
}

/** "Tomorrow, 10:00": a single moment, such as when sign-up opens. */
export function momentText(t: TFunction, iso: string, language: Language, now = new Date()) {
  return t('activities.at', {
    day: dayText(t, iso, language, { now }),
    time: formatTime(iso, language),
  });
}

type Places = Pick<KioskActivity, 'slots' | 'slotsLeft' | 'waitingList'>;

/** "3 places left", "Full: you can join the waiting list", or no limit at all. */
export function placesText(t: TFunction, { slots, slotsLeft, waitingList }: Places): string {
  if (slots === null || slotsLeft === null) return t('activities.noLimit');
  if (slotsLeft > 0) return t('activities.placesLeft', { count: slotsLeft });
  return waitingList ? t('activities.fullWaiting') : t('activities.full');
}

type Refusable = Pick<KioskActivity, 'whyNot' | 'mySignUp' | 'signUpOpensAt'>;

/**
 * Why this resident cannot sign up, in words; null when they can. The service says which rule
 * stands in the way (`whyNot`); the app says what it means for them (as the kiosk does).
 */
export function whyNotText(
  t: TFunction,
  { whyNot, mySignUp, signUpOpensAt }: Refusable,
  language: Language,
  now = new Date(),
): string | null {
  switch (whyNot) {
    case null:
      return null;
    case 'ALREADY_SIGNED_UP':
      return mySignUp?.status === 'waitlisted' && mySignUp.waitingPosition !== null
        ? t('activities.waiting', { position: mySignUp.waitingPosition })
        : t('activities.signedUp');
    case 'ACTIVITY_FULL':
      return t('activities.full');
    case 'NOT_INVITED':
      return t('activities.notInvited');
    case 'ACTIVITY_NOT_OPEN':
      return signUpOpensAt && Date.parse(signUpOpensAt) > now.getTime()
        ? t('activities.opens', { when: momentText(t, signUpOpensAt, language, now) })
        : t('activities.started');
  }
}

type SignedUpFor = Pick<KioskActivity, 'status' | 'mySignUp' | 'endsAt'>;

/**
 * Where a resident stands with an activity they signed up for: a place, a wait, checked in,
 * did not come, or the activity cancelled or over.
 */
export function mySignUpText(
  t: TFunction,
  { status, mySignUp, endsAt }: SignedUpFor,
  language: Language,
  now = new Date(),
): string {
  if (status === 'cancelled') return t('activities.cancelledTitle');
  if (mySignUp?.checkedInAt)
    return t('activities.checkedIn', { time: formatTime(mySignUp.checkedInAt, language) });
  if (mySignUp?.status === 'no_show') return t('activities.noShow');
  if (status === 'closed' || Date.parse(endsAt) <= now.getTime()) return t('activities.over');
  if (mySignUp?.status === 'waitlisted' && mySignUp.waitingPosition !== null)
    return t('activities.waiting', { position: mySignUp.waitingPosition });
  return t('activities.hasPlace');
}

/**
 * Whom an activity is for when only some residents are invited ("For residents under 30, in
 * building 7"), or null when everyone is: shown to every reader, invited or not.
 */
export function forWhomText(t: TFunction, invite: KioskActivity['invite']): string | null {
  if (!invite || (invite.ageBands.length === 0 && invite.buildings.length === 0)) return null;
  const ages = invite.ageBands.map((band) => t(`activities.ageBands.${band}`));
  const separator = t('activities.listSeparator');
  if (invite.buildings.length === 0) return t('activities.forAges', { ages: ages.join(separator) });
  const buildings = invite.buildings.join(separator);
  if (ages.length === 0) return t('activities.forBuildings', { buildings });
  return t('activities.forAgesInBuildings', { ages: ages.join(separator), buildings });
}
