// Numbers and dates the way both apps show them, always through Intl, so "1,234" and "12 Nov"
// in English read "1,234" and "11月12日" in Chinese. Each app keeps its own wording (units,
// labels) in its i18n; only the figures are formatted here.

/** The locale a language is written in: English as in Britain, otherwise Chinese (zh-CN). */
export function localeOf(language: string): string {
  return language === 'en' ? 'en-GB' : 'zh-CN';
}

type Formats = {
  whole: Intl.NumberFormat;
  oneDecimal: Intl.NumberFormat;
  shortDate: Intl.DateTimeFormat;
  month: Intl.DateTimeFormat;
};

// Made once per locale: a table of a hundred rows formats hundreds of figures per render.
const formatsByLocale = new Map<string, Formats>();

function formatsFor(language: string): Formats {
  const locale = localeOf(language);
  const known = formatsByLocale.get(locale);
  if (known) return known;
  const made: Formats = {
    whole: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
    oneDecimal: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
    shortDate: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }),
    // A community month is the community's own: read as UTC and shown as UTC it stays itself.
    month: new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }),
  };
  formatsByLocale.set(locale, made);
  return made;
}

/** A count or a number of points, grouped: 12345 → "12,345". */
export function formatNumber(value: number, language: string): string {
  return formatsFor(language).whole.format(value);
}

/** Minutes of service as hours, to one decimal place at most (90 → "1.5"). */
export function formatHours(minutes: number, language: string): string {
  return formatsFor(language).oneDecimal.format(minutes / 60);
}

/** A moment as its day and short month, in this device's time zone: "12 Nov", "11月12日". */
export function formatShortDate(value: string | Date, language: string): string {
  return formatsFor(language).shortDate.format(typeof value === 'string' ? new Date(value) : value);
}

/** A community month, `YYYY-MM`: "November 2026", "2026年11月" (anything else as it is). */
export function formatMonth(month: string, language: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  if (!year || !monthNumber) return month;
  return formatsFor(language).month.format(new Date(Date.UTC(year, monthNumber - 1, 15, 12)));
}
