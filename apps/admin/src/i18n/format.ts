import {
  formatHours,
  formatMonth,
  formatNumber,
  formatShortDate,
  localeOf,
} from '@tally/client/format';
import { useTranslation } from 'react-i18next';

export type Formatter = ReturnType<typeof formatterFor>;

/** Numbers, dates and durations in the reader's language. */
export function formatterFor(language: string) {
  const locale = localeOf(language);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  // Calendar days the service sends as text ("2026-11-03") are the
  // community's own; read as UTC and shown as UTC they stay the day they name.
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const longDay = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const megabytes = new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: 1,
  });
  const toDate = (value: string | Date) => (typeof value === 'string' ? new Date(value) : value);
  return {
    locale,
    number: (value: number) => formatNumber(value, language),
    /** Minutes as hours with at most one decimal: 90 → "1.5". */
    hours: (minutes: number) => formatHours(minutes, language),
    date: (value: string | Date) => date.format(toDate(value)),
    dateTime: (value: string | Date) => dateTime.format(toDate(value)),
    dayMonth: (value: string | Date) => formatShortDate(value, language),
    time: (value: string | Date) => time.format(toDate(value)),
    /** A calendar day "YYYY-MM-DD" as "3 Nov" / "11月3日". */
    calendarDay: (value: string) => day.format(new Date(`${value}T00:00:00Z`)),
    /** A calendar day "YYYY-MM-DD" in full: "Monday 7 December 2026" / "2026年12月7日星期一". */
    longDay: (value: string) => longDay.format(new Date(`${value}T00:00:00Z`)),
    /** A calendar month "YYYY-MM" as "November 2026" / "2026年11月". */
    calendarMonth: (value: string) => formatMonth(value, language),
    /** A share from 0 to 1 as a whole percentage: "42%". */
    percent: (share: number) => percent.format(Math.floor(share * 100) / 100),
    /** A size in bytes, in megabytes: "1.2 MB". */
    megabytes: (bytes: number) => megabytes.format(bytes / 1_000_000),
    /** A time zone by name: "Asia/Shanghai" reads "China Standard Time" / "中国标准时间". */
    timeZone: (zone: string) => timeZoneName(locale, zone),
  };
}

function timeZoneName(locale: string, timeZone: string): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'long' }).formatToParts(
      new Date(),
    );
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    // A zone this browser does not know is shown as stored.
    return timeZone;
  }
}

/** A building as people say it: "4" reads "Bldg 4" / "4号楼"; a name stays as it is. */
export function useBuildingLabel(): (building: string | null) => string {
  const { t } = useTranslation();
  return (building) =>
    building === null
      ? ''
      : /^\d+$/.test(building)
        ? t('residents.buildingShort', { building })
        : building;
}

export function useFormat(): Formatter {
  const { i18n } = useTranslation();
  return formatterFor(i18n.language);
}
