import { formatShortDate } from '@tally/client/format';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../api/kiosk-client';
import type { Language } from '../device/device-settings';
import { formatSignedPoints } from '../i18n/format';
import { hoursText } from '../i18n/hours';
import { useLanguage } from '../ui/use-language';
import { entrySubject } from './entry-subject';

/** What an entry was for, in plain words: "Elderly visits", "Given to: Benches". */
export function describeEntry(t: TFunction, entry: HistoryEntry, language: Language): string {
  const what = entrySubject(entry.description, language);
  switch (entry.kind) {
    case 'donation':
      return t('account.given', { what });
    case 'reversal':
      return t('account.correction', { what });
    case 'adjustment':
      return t('account.adjustment', { what });
    default:
      return what;
  }
}

/**
 * When it happened. Service is credited when the office approves it, often days later, so a
 * credit names both days: "served 29 Nov, credited 7 Dec".
 */
function EntryDate({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const credited = formatShortDate(entry.createdAt, language);
  if (!entry.serviceDate) {
    return (
      <time className="history-date" dateTime={entry.createdAt}>
        {credited}
      </time>
    );
  }
  const served = formatShortDate(`${entry.serviceDate}T12:00:00Z`, language);
  // Two short lines, not one long one: the activity keeps the room.
  return (
    <span className="history-date history-date-two">
      <span>{t('account.served', { date: served })}</span>
      <span>{t('account.credited', { date: credited })}</span>
    </span>
  );
}

/** "+30 points · Elderly visits · 12 Nov", with the service hours beneath when there are any. */
export function HistoryLine({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const tone = entry.points > 0 ? 'plus' : entry.points < 0 ? 'minus' : 'none';
  return (
    <li className="history-line">
      <span className={`history-points history-${tone}`}>
        {t('account.change', {
          value: formatSignedPoints(entry.points, language),
          count: Math.abs(entry.points),
        })}
      </span>
      <span className="history-separator" aria-hidden="true">
        ·
      </span>
      <span className="history-what">
        {describeEntry(t, entry, language)}
        {entry.minutes > 0 && (
          <span className="history-hours">
            {t('account.servedHours', { hours: hoursText(t, entry.minutes, language) })}
          </span>
        )}
      </span>
      <span className="history-separator" aria-hidden="true">
        ·
      </span>
      <EntryDate entry={entry} />
    </li>
  );
}
