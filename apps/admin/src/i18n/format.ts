import { useTranslation } from 'react-i18next';

export type Formatter = ReturnType<typeof formatterFor>;

/** Numbers, dates and durations in the reader's language. */
export function formatterFor(language: string) {
  const locale = language === 'en' ? 'en-GB' : 'zh-CN';
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const dayMonth = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  // Calendar days and months the service sends as text ("2026-11-03", "2026-11") are the
  // community's own; read as UTC and shown as UTC they stay the day they name.
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const megabytes = new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: 1,
  });
  const toDate = (value: string | Date) => (typeof value === 'string' ? new Date(value) : value);
  return {
    locale,
    number: (value: number) => integer.format(value),
    /** Minutes as hours with at most one decimal: 90 → "1.5". */
    hours: (minutes: number) => decimal.format(minutes / 60),
    date: (value: string | Date) => date.format(toDate(value)),
    dateTime: (value: string | Date) => dateTime.format(toDate(value)),
    dayMonth: (value: string | Date) => dayMonth.format(toDate(value)),
    time: (value: string | Date) => time.format(toDate(value)),
    /** A calendar day "YYYY-MM-DD" as "3 Nov" / "11月3日". */
    calendarDay: (value: string) => day.format(new Date(`${value}T00:00:00Z`)),
    /** A calendar month "YYYY-MM" as "November 2026" / "2026年11月". */
    calendarMonth: (value: string) => month.format(new Date(`${value}-01T00:00:00Z`)),
    /** A share from 0 to 1 as a whole percentage: "42%". */
    percent: (share: number) => percent.format(Math.floor(share * 100) / 100),
    /** A size in bytes, in megabytes: "1.2 MB". */
    megabytes: (bytes: number) => megabytes.format(bytes / 1_000_000),
  };
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
