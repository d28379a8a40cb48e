import { formatShortDate } from '@tally/client/format';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { MeHistoryEntry } from '../api/me-types';
import { formatSignedPoints } from '../i18n/format';
import { hoursText } from '../i18n/hours';
import type { Language } from '../session/device-storage';
import { NamedText } from '../ui/named-text';
import { useLanguage } from '../ui/use-language';
import { entrySubject } from './entry-subject';

/** What an entry was for, in plain words: "Elderly visits", "Given to: Benches". */
export function describeEntry(t: TFunction, entry: MeHistoryEntry, language: Language): string {
  const what = entrySubject(entry.description, language);
  switch (entry.kind) {
    case 'donation':
      return t('history.given', { what });
    case 'reversal':
      return t('history.correction', { what });
    case 'adjustment':
      return t('history.adjustment', { what });
    default:
      return what;
  }
}

/**
 * When it happened. Service is credited when the office approves it, often days later, so a
 * credit names both days: "served 29 Nov, credited 7 Dec".
 */
export function entryDate(t: TFunction, entry: MeHistoryEntry, language: Language): string {
  const credited = formatShortDate(entry.createdAt, language);
  if (!entry.serviceDate) return credited;
  const served = formatShortDate(`${entry.serviceDate}T12:00:00Z`, language);
  return `${t('history.served', { date: served })}${t('history.credited', { date: credited })}`;
}

/** "+30 points · Elderly visits", the day(s) beneath, and who acted when a proxy did. */
export function HistoryLine({
  entry,
  residentName,
}: {
  entry: MeHistoryEntry;
  residentName: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const tone = entry.points > 0 ? 'plus' : entry.points < 0 ? 'minus' : 'none';
  return (
    <li className="card history-line">
      <p>
        <span className={`history-points-${tone}`}>
          {t('history.change', {
            value: formatSignedPoints(entry.points, language),
            count: Math.abs(entry.points),
          })}
        </span>
        {' · '}
        {describeEntry(t, entry, language)}
      </p>
      {entry.minutes > 0 && (
        <p>{t('history.servedHours', { hours: hoursText(t, entry.minutes, language) })}</p>
      )}
      <p className="muted">
        <time dateTime={entry.createdAt}>{entryDate(t, entry, language)}</time>
      </p>
      {entry.actedBy && (
        <p className="muted">
          <NamedText
            text={t('history.actedBy', { proxy: entry.actedBy, resident: residentName })}
            names={[entry.actedBy, residentName]}
          />
        </p>
      )}
    </li>
  );
}
