import type { ApiFailure } from '@tally/client/api-error';
import type { TFunction } from 'i18next';
import { en } from '../i18n/en';

type KnownCode = keyof typeof en.errors;

function isKnown(code: string): code is KnownCode {
  return Object.hasOwn(en.errors, code);
}

/** A failure in the resident's language: our translation of its code, else the service's words. */
export function errorText(t: TFunction, failure: ApiFailure): string {
  if (failure.code === null) return t('errors.network');
  if (isKnown(failure.code)) return t(`errors.${failure.code}`);
  return failure.message;
}
