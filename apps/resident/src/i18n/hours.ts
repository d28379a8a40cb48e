import { formatHours } from '@tally/client/format';
import type { TFunction } from 'i18next';
import type { Language } from '../session/device-storage';

/**
 * Hours of service always with their unit ("1.5 hours", "3 小时"): a bare number on a screen
 * reads as points as easily as hours.
 */
export function hoursText(t: TFunction, minutes: number, language: Language): string {
  return t('common.hours', { value: formatHours(minutes, language), count: minutes / 60 });
}
