/**
 * A day as people type it — "2026-12-07", "2026/12/7", "2026.12.7", "2026年12月7日" — as
 * "YYYY-MM-DD", or null when it is not a day of the calendar.
 */
export function readDay(text: string): string | null {
  const match = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(text);
  if (!match) return null;
  const [, year = '', month = '', day = ''] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (
    date.getUTCFullYear() !== Number(year) ||
    date.getUTCMonth() !== Number(month) - 1 ||
    date.getUTCDate() !== Number(day)
  )
    return null;
  return date.toISOString().slice(0, 10);
}

/** A time as people type it — "14:00", "9:30", "930", "9点30" — as "HH:MM", or null. */
export function readTime(text: string): string | null {
  const match =
    /^\s*(\d{1,2})\s*[:：点.]\s*(\d{2})?\s*分?\s*$/.exec(text) ??
    /^\s*(\d{1,2})(\d{2})\s*$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
