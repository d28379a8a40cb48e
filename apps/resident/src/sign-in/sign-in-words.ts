import type { ApiFailure } from '@tally/client/api-error';
import type { TFunction } from 'i18next';
import { formatDateTime } from '../i18n/format';
import type { Language } from '../session/device-storage';
import { errorText } from '../ui/error-text';

export type SignInKind = 'card' | 'family';

/** A refusal to sign in, as the form shows it; a locked card replaces the form. */
export type SignInProblem = { kind: 'message'; text: string } | { kind: 'locked'; text: string };

/** Wrong PIN with the tries left, a locked card with when to retry, else the error in words. */
export function signInProblem(
  t: TFunction,
  failure: ApiFailure,
  { kind, language }: { kind: SignInKind; language: Language },
): SignInProblem {
  if (failure.code === 'WRONG_PIN') {
    const left = failure.details.triesLeft;
    if (typeof left !== 'number') return { kind: 'message', text: t('signIn.wrongPlain') };
    if (kind === 'card' && left === 1) return { kind: 'message', text: t('signIn.wrongPinLast') };
    const key = kind === 'card' ? 'signIn.wrongPin' : 'signIn.wrongFamily';
    return { kind: 'message', text: t(key, { count: left }) };
  }
  if (failure.code === 'PIN_LOCKED') {
    const until = failure.details.lockedUntil;
    return {
      kind: 'locked',
      text:
        typeof until === 'string'
          ? t('signIn.lockedUntil', { time: formatDateTime(until, language) })
          : t('signIn.lockedByOffice'),
    };
  }
  return { kind: 'message', text: errorText(t, failure) };
}
