import type { ApiFailure } from '@tally/client/api-error';
import type { TFunction } from 'i18next';
import type { Language } from '../device/device-settings';
import { identifyErrorText } from '../identify/identify-error';
import type { CheckInState } from './use-check-in';

/**
 * A refused check-in in words for the person at the door. A wrong PIN or a locked card reads
 * as it does when identifying; a card the service does not know, and a door not open yet, in
 * words of their own.
 */
export function doorErrorText(t: TFunction, failure: ApiFailure, language: Language): string {
  switch (failure.code) {
    case 'NOT_FOUND':
      return t('door.unknownCard');
    case 'ACTIVITY_NOT_OPEN':
      return t('door.notOpen');
    case 'FORBIDDEN':
      return t('door.notHere');
    default:
      return identifyErrorText(t, failure, language);
  }
}

/** What the door says while a check-in is under way or has failed; null when there is nothing. */
export function doorMessage(
  t: TFunction,
  state: CheckInState,
  language: Language,
): { text: string; tone: 'info' | 'warning' | 'error' } | null {
  switch (state.status) {
    case 'ready':
      return null;
    case 'sending':
      return state.attempt > 1
        ? { text: t('door.retrying'), tone: 'warning' }
        : { text: t('door.checking'), tone: 'info' };
    case 'unreachable':
      return { text: t('door.unreachable'), tone: 'error' };
    case 'refused':
      return { text: doorErrorText(t, state.failure, language), tone: 'error' };
  }
}
