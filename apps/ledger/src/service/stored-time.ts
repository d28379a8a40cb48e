import { type RawBuilder, sql } from 'kysely';

// Service records stored before dates were bounded (2000–2100) may carry a year such as 1 or
// 9999. Lists must still show them, so the office can see and correct them: their times are kept
// within the years ISO 8601 can write (0001–9999) wherever a community's time zone could push
// them past it.
const EARLIEST = Date.UTC(1, 0, 2);
const LATEST = Date.UTC(9999, 11, 30);

/** A stored moment as the API writes it, e.g. `2026-03-05T01:00:00.000Z`. */
export function isoMoment(date: Date): string {
  return new Date(Math.min(Math.max(date.getTime(), EARLIEST), LATEST)).toISOString();
}

/** SQL: the calendar day `YYYY-MM-DD` of a stored moment in a time zone. */
export function calendarDay(moment: string, zone: string | RawBuilder<string>): RawBuilder<string> {
  return sql<string>`to_char(least(greatest(${sql.ref(moment)}, timestamptz '0001-01-02 00:00:00+00'),
    timestamptz '9999-12-30 00:00:00+00') at time zone ${zone}, 'YYYY-MM-DD')`;
}
