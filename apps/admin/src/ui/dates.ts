// Dates typed into <input type="date"> are calendar days where the reader is; the service
// wants instants. A "to" day is included, so the range ends at the start of the next day.

/** "2026-11-03" → the instant that day starts, locally. */
export function startOfDay(day: string): string {
  return new Date(`${day}T00:00`).toISOString();
}

/** "2026-11-03" → the instant the following day starts, locally. */
export function endOfDay(day: string): string {
  const date = new Date(`${day}T00:00`);
  date.setDate(date.getDate() + 1);
  return date.toISOString();
}

/** A date and a time typed by a person, as an ISO instant with their offset applied. */
export function localDateTime(day: string, time: string): string {
  return new Date(`${day}T${time}`).toISOString();
}

/** Today as "YYYY-MM-DD" in local time (for date inputs). */
export function todayLocal(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The start of this calendar month, locally, as an instant. */
export function startOfMonth(now = new Date()): Date {
  return new Date(now.getFullYear(), now.getMonth(), 1);
}

/** Date range filters as the list procedures take them (undefined for an empty field). */
export function rangeFilter({ from, to }: { from: string; to: string }) {
  return {
    ...(from ? { from: startOfDay(from) } : {}),
    ...(to ? { to: endOfDay(to) } : {}),
  };
}
