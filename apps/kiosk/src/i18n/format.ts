import type { Language } from '../device/device-settings';

// Numbers and dates in the resident's language, always through Intl, so
// "1,234" and "12 Nov" in English read "1,234" and "11月12日" in Chinese.

const locales: Record<Language, string> = { zh: 'zh-CN', en: 'en-GB' };

export function localeOf(language: Language): string {
  return locales[language];
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(localeOf(language)).format(value);
}

/** Minutes of service as hours, to one decimal place at most (90 → "1.5"). */
export function formatHours(minutes: number, language: Language): string {
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1 }).format(
    minutes / 60,
  );
}

/** A change of points with its sign: "+30", "−120" (a true minus sign, read as "minus"). */
export function formatSignedPoints(points: number, language: Language): string {
  const magnitude = formatNumber(Math.abs(points), language);
  if (points > 0) return `+${magnitude}`;
  if (points < 0) return `\u2212${magnitude}`;
  return magnitude;
}

export function formatShortDate(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), { day: 'numeric', month: 'short' }).format(
    new Date(iso),
  );
}

export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

export function formatTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), { hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}

/** A community month, `YYYY-MM`: "November 2026", "2026年11月". */
export function formatMonth(month: string, language: Language): string {
  const [year, monthNumber] = month.split('-').map(Number);
  if (!year || !monthNumber) return month;
  // Noon on the 15th: the same month in every time zone.
  const date = new Date(Date.UTC(year, monthNumber - 1, 15, 12));
  return new Intl.DateTimeFormat(localeOf(language), {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(date);
}

/** How far along a goal is, 0–100 (not rounded: bars are drawn to the exact width). */
export function percentOf(raised: number, target: number): number {
  if (target <= 0) return 100;
  return Math.min(100, Math.max(0, (raised / target) * 100));
}

/**
 * A goal's percent as people say it: whole numbers, but never "0%" once
 * anything is raised and never "100%" before the target is met.
 */
export function formatPercent(raised: number, target: number, language: Language): string {
  const exact = percentOf(raised, target);
  const shown = exact > 0 && exact < 1 ? 1 : exact < 100 ? Math.floor(exact) : 100;
  const text = new Intl.NumberFormat(localeOf(language), { style: 'percent' }).format(shown / 100);
  return exact > 0 && exact < 1 ? `<${text}` : text;
}
