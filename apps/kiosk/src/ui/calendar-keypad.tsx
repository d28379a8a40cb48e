import { formatMonth, localeOf } from '@tally/client/format';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../device/device-settings';
import { BackIcon, NextIcon } from './icons';
import { useLanguage } from './use-language';

/** Calendar days are `YYYY-MM-DD` strings throughout: no time zone can shift them. */
const dayOf = (year: number, month: number, day: number) =>
  new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);

function monthDays(month: string): { day: string; weekday: number }[] {
  const [year = 2000, monthNumber = 1] = month.split('-').map(Number);
  const count = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => {
    const day = dayOf(year, monthNumber, i + 1);
    // Monday first, as calendars in China (and most of Europe) are printed.
    return { day, weekday: (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7 };
  });
}

function shiftMonth(month: string, by: number): string {
  const [year = 2000, monthNumber = 1] = month.split('-').map(Number);
  return dayOf(year, monthNumber + by, 1).slice(0, 7);
}

function weekdayNames(language: Language): string[] {
  const format = new Intl.DateTimeFormat(localeOf(language), {
    weekday: 'short',
    timeZone: 'UTC',
  });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

function longDay(day: string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));
}

/**
 * A day picked on a month of big buttons, not typed: the kiosk has no keyboard. Only days from
 * `from` to `to` can be tapped; `marked` days (say, with a sign-in sheet) carry a dot.
 */
export function CalendarKeypad({
  from,
  to,
  value,
  marked,
  markedLabel,
  onPick,
}: {
  from: string;
  to: string;
  value: string | null;
  marked: ReadonlySet<string>;
  markedLabel: string;
  onPick: (day: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [month, setMonth] = useState((value ?? to).slice(0, 7));
  const days = monthDays(month);
  const lead = days[0]?.weekday ?? 0;
  return (
    <div className="calendar">
      <div className="calendar-head">
        <button
          type="button"
          className="button button-secondary calendar-turn"
          disabled={month <= from.slice(0, 7)}
          onClick={() => setMonth(shiftMonth(month, -1))}
        >
          <BackIcon />
          {t('calendar.previous')}
        </button>
        <p className="calendar-month" aria-live="polite">
          {formatMonth(month, language)}
        </p>
        <button
          type="button"
          className="button button-secondary calendar-turn"
          disabled={month >= to.slice(0, 7)}
          onClick={() => setMonth(shiftMonth(month, 1))}
        >
          {t('calendar.next')}
          <NextIcon />
        </button>
      </div>
      <div className="calendar-grid">
        {weekdayNames(language).map((name) => (
          <span key={name} className="calendar-weekday" aria-hidden="true">
            {name}
          </span>
        ))}
        {lead > 0 && <span style={{ gridColumn: `span ${lead}` }} />}
        {days.map(({ day }) => {
          const label = longDay(day, language);
          const hasMark = marked.has(day);
          return (
            <button
              key={day}
              type="button"
              className={`calendar-day${hasMark ? ' calendar-marked' : ''}`}
              disabled={day < from || day > to}
              aria-pressed={value === day}
              aria-label={hasMark ? `${label}, ${markedLabel}` : label}
              onClick={() => onPick(day)}
            >
              {Number(day.slice(8))}
            </button>
          );
        })}
      </div>
    </div>
  );
}
