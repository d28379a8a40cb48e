import type { ApiFailure } from '@tally/client/api-error';
import type { TFunction } from 'i18next';
import type { Language } from '../device/device-settings';
import { formatTime } from '../i18n/format';
import { errorText } from '../ui/error-text';

/** A lock the office set by hand runs to the end of time (9999-12-31), not 15 minutes. */
const OFFICE_LOCK_YEAR = 9000;

export function isOfficeLock(lockedUntil: string): boolean {
  return new Date(lockedUntil).getUTCFullYear() >= OFFICE_LOCK_YEAR;
}

/** Until when a PIN_LOCKED refusal locks the card, if it says. */
export function lockedUntilOf(failure: ApiFailure): string | null {
  return typeof failure.details.lockedUntil === 'string' ? failure.details.lockedUntil : null;
}

/** What a failed identify tells the resident: tries left, or until when the card is locked. */
export function identifyErrorText(t: TFunction, failure: ApiFailure, language: Language): string {
  if (failure.code === 'WRONG_PIN') {
    const triesLeft = Number(failure.details.triesLeft);
    if (!Number.isFinite(triesLeft)) return failure.message;
    // The last try gets a warning of its own: Chinese has no singular to hang it on.
    return triesLeft === 1
      ? t('identify.wrongPinLast')
      : t('identify.wrongPin', { count: triesLeft });
  }
  if (failure.code === 'PIN_LOCKED') {
    const until = lockedUntilOf(failure);
    if (!until) return failure.message;
    if (isOfficeLock(until)) return t('identify.lockedByOffice');
    return t('identify.locked', { time: formatTime(until, language) });
  }
  return errorText(t, failure);
}
