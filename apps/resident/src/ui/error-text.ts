import type { ApiFailure } from '@tally/client/api-error';
import type { TFunction } from 'i18next';
import { en } from '../i18n/en';

type KnownCode = keyof typeof en.errors;

function isKnown(code: string): code is KnownCode {
  return Object.hasOwn(en.errors, code);
}

/** A failure in the reader's language: our words for its code, else the service's own. */
export function errorText(t: TFunction, failure: ApiFailure): string {
  if (failure.code === null) return t('errors.network');
  if (failure.code === 'WEAK_PIN') {
    const reason = failure.details.reason;
    if (typeof reason === 'string' && Object.hasOwn(en.settings.weak, reason))
      return t(`settings.weak.${reason as keyof typeof en.settings.weak}`);
  }
  if (isKnown(failure.code)) return t(`errors.${failure.code}`);
  return failure.message;
}
