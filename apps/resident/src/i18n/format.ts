import { formatNumber, localeOf } from '@tally/client/format';
import type { Language } from '../session/device-storage';

// The resident app's ways of writing figures; those both apps share are in @tally/client/format.

/** A change of points with its sign: "+30", "−120" (a true minus sign, read as "minus"). */
export function formatSignedPoints(points: number, language: Language): string {
  const magnitude = formatNumber(Math.abs(points), language);
  if (points > 0) return `+${magnitude}`;
  if (points < 0) return `\u2212${magnitude}`;
  return magnitude;
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

/** A calendar day `YYYY-MM-DD` as its short date ("29 Nov"), read at noon so no zone moves it. */
export function formatDay(day: string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), { day: 'numeric', month: 'short' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

/** A calendar day with its year ("7 Dec 2025", "2025年12月7日"), for periods that span years. */
export function formatDayWithYear(day: string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(`${day}T12:00:00Z`));
}
