import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../api/kiosk-client';
import type { Language } from '../device/device-settings';
import { pickLanguage } from '../i18n/bilingual-text';
import { formatHours, formatShortDate, formatSignedPoints } from '../i18n/format';
import { useLanguage } from '../ui/use-language';

/** What an entry was for, in plain words: "Elderly visits", "Given to: Benches". */
export function describeEntry(t: TFunction, entry: HistoryEntry, language: Language): string {
  const what = pickLanguage(entry.description, language);
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
            {t('account.servedHours', { value: formatHours(entry.minutes, language) })}
          </span>
        )}
      </span>
      <span className="history-separator" aria-hidden="true">
        ·
      </span>
      <time className="history-date" dateTime={entry.createdAt}>
        {formatShortDate(entry.createdAt, language)}
      </time>
    </li>
  );
}
