import type { BulkWriter } from './bulk-rows';
import type { YearCommunity } from './community';
import type { Holdings } from './holdings';
import type { LedgerWriter } from './ledger-entries';
import { entryOf } from './maps';
import type { Random } from './random';
import type { UseCaseRows, Who } from './use-case-rows';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** The community's clock: Asia/Shanghai keeps UTC+8 all year. */
const UTC_OFFSET = 8 * HOUR;

/** Something that happens at a time; `transactions` is what it will post, for the day's budget. */
export type YearEvent = { at: number; transactions: number; run: () => void };

/** The year as it unfolds: who holds what, what is due when, and where rows go. */
export type YearState = {
  community: YearCommunity;
  random: Random;
  writer: BulkWriter;
  ledger: LedgerWriter;
  rows: UseCaseRows;
  /** The first local midnight of the year; `now` is its end. */
  yearStart: number;
  now: number;
  /** Transactions the year posts in all. */
  limit: number;
  holdings: Holdings;
  agenda: Map<number, YearEvent[]>;
  /** The day being played, and its events in time order (what it schedules for itself joins them). */
  today: { day: number; events: YearEvent[] };
};

/** An instant on day `day` of the year, at a local time of day. */
export function localTime(state: YearState, day: number, hours: number): number {
  return state.yearStart + day * DAY + Math.round(hours * HOUR);
}

export function dayOf(state: YearState, at: number): number {
  return Math.floor((at - state.yearStart) / DAY);
}

/** `YYYY-MM-DD` in the community's calendar. */
export function localDate(at: number): string {
  return new Date(at + UTC_OFFSET).toISOString().slice(0, 10);
}

export function localMidnight(at: number): number {
  return Math.floor((at + UTC_OFFSET) / DAY) * DAY - UTC_OFFSET;
}

export function schedule(state: YearState, event: YearEvent): void {
  const day = dayOf(state, event.at);
  if (day !== state.today.day) {
    entryOf(state.agenda, day, () => []).push(event);
    return;
  }
  // Later today: after every event due no later, so the day still runs in time order.
  const { events } = state.today;
  let low = 0;
  let high = events.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((events[middle]?.at ?? 0) <= event.at) low = middle + 1;
    else high = middle;
  }
  events.splice(low, 0, event);
}

/** Whether `transactions` more still fit in the year's count. */
export function fits(state: YearState, transactions: number): boolean {
  return state.ledger.sequence + transactions <= state.limit;
}

export const OFFICE_ORIGIN = '10.0.0.20';

export function officeWho(state: YearState): { who: Who; staffId: string } {
  const offices = state.community.offices;
  const office = offices[Math.floor(state.random() * offices.length)] ?? offices[0];
  if (!office) throw new Error('the community has no office');
  return { who: { type: 'staff', id: office.id, origin: OFFICE_ORIGIN }, staffId: office.id };
}
