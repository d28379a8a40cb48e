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
