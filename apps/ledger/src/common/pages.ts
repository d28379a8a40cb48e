import { DomainError } from '@tally/domain/errors';
import { type SelectQueryBuilder, sql } from 'kysely';

export type Page<T> = { items: T[]; nextCursor: string | null };

/** Fetch limit + 1 rows; the extra one only says whether there is a next page. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => string): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? cursorOf(last) : null };
}

function badCursor(): never {
  throw new DomainError(
    'VALIDATION_FAILED',
    'cursor: not a cursor this list handed out; pass back its nextCursor unchanged',
  );
}

// Time-ordered lists are keyed by (time, id), newest first. The time travels with its
// microseconds, read from SQL as text: a JavaScript Date would round it to milliseconds, and
// rows a few microseconds apart would then be skipped or repeated at a page boundary. The id
// breaks ties between rows of the very same instant. Clients only pass a cursor back, so it is
// wrapped (base64url) to say so.

/** The column as a cursor holds it (UTC, microseconds); select it `as('cursor_time')`. */
export function cursorTime(column: string) {
  return sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

type TimeKey = { cursor_time: string; id: string };

export function encodeTimeCursor({ cursor_time, id }: TimeKey): string {
  return Buffer.from(`${cursor_time}|${id}`).toString('base64url');
}

const TIME_KEY =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3})(\d{3})Z\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The (time, id) a time cursor holds; anything else is the caller's mistake, not a 500. */
export function decodeTimeCursor(cursor: string): { time: string; id: string } {
  const match = TIME_KEY.exec(Buffer.from(cursor, 'base64url').toString());
  const [, milliseconds, microseconds, id] = match ?? [];
  if (!milliseconds || !microseconds || !id) return badCursor();
  // The pattern lets through days like February 30, which PostgreSQL would refuse.
  const date = new Date(`${milliseconds}Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString() !== `${milliseconds}Z`) badCursor();
  return { time: `${milliseconds}${microseconds}Z`, id };
}

/**
 * A list newest first by (time, id): orders the query and, given a cursor, keeps the rows after
 * it. Select `cursorTime(time).as('cursor_time')` beside the id and page with `toTimePage`.
 */
export function newestFirst<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  { time, id, cursor }: { time: string; id: string; cursor?: string | undefined },
): SelectQueryBuilder<DB, TB, O> {
  const ordered = query.orderBy(sql.ref(time), 'desc').orderBy(sql.ref(id), 'desc');
  if (!cursor) return ordered;
  const after = decodeTimeCursor(cursor);
  return ordered.where(
    sql<boolean>`(${sql.ref(time)}, ${sql.ref(id)}) < (${after.time}::timestamptz, ${after.id}::uuid)`,
  );
}

/** A page of a `newestFirst` list; its cursor is the last row's (time, id). */
export function toTimePage<T extends TimeKey>(rows: T[], limit: number): Page<T> {
  return toPage(rows, limit, encodeTimeCursor);
}

// Lists in the order of a number they keep themselves (the journal's sequence, the audit log's
// id) page by that number. Their cursor stays the plain number: the admin links to a place in
// the journal with it ("before sequence n").

/** The number a sequence cursor holds: rows before it come next. */
export function decodeSequenceCursor(cursor: string): number {
  if (!/^\d{1,15}$/.test(cursor)) return badCursor();
  return Number(cursor);
}

export function toSequencePage<T>(rows: T[], limit: number, sequenceOf: (row: T) => number) {
  return toPage(rows, limit, (row) => String(sequenceOf(row)));
}
