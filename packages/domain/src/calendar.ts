import { z } from 'zod';

// Every date a person or client gives Tally lies in the years the programme can have records in.
// A year 1 or 9999 reaches PostgreSQL and JavaScript fine and then breaks what reads it back
// (time zones shift it out of range, a month's end falls in year 10000), so it is refused here.

export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;
const RANGE = `between ${FIRST_YEAR} and ${LAST_YEAR}`;

const yearOf = (text: string) => Number(text.slice(0, 4));
const inRange = (text: string) => yearOf(text) >= FIRST_YEAR && yearOf(text) <= LAST_YEAR;

/** A calendar day `YYYY-MM-DD` in the years Tally keeps. */
export const CalendarDay = z.iso.date().refine(inRange, `Give a day ${RANGE}`);

/** A calendar month `YYYY-MM` in the years Tally keeps. */
export const CalendarMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Give the month as YYYY-MM')
  .refine(inRange, `Give a month ${RANGE}`);

/** A moment with its offset, e.g. `2026-03-05T09:00:00+08:00`, in the years Tally keeps. */
export const Moment = z.iso
  .datetime({ offset: true })
  .refine((text) => inRange(new Date(text).toISOString()), `Give a time ${RANGE}`);

/** Service can be logged as it ends, or ahead by a day at most (an evening's sign-in sheet). */
export const SERVICE_AHEAD_HOURS = 24;

/** When service started: in the years Tally keeps, and not more than a day from now. */
export const ServiceStart = Moment.refine(
  (text) => Date.parse(text) <= Date.now() + SERVICE_AHEAD_HOURS * 3_600_000,
  'Service cannot start more than a day from now',
);
