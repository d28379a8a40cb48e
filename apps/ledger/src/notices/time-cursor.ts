import { DomainError } from '@tally/domain/errors';
import { sql } from 'kysely';

// Newest-first pages keyed by (time, id). Timestamps keep microseconds in the cursor: a
// JavaScript Date would round them to milliseconds and a page boundary could then skip or
// repeat a row (as in service.list).

/** The column as the cursor writes it, for selecting `as('cursor_time')`. */
export function cursorTime(column: string) {
  return sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** Rows strictly after the cursor in (time desc, id desc) order. */
export function afterCursor(timeColumn: string, idColumn: string, cursor: string) {
  const [time, id] = parseTimeCursor(cursor);
  return sql<boolean>`(${sql.ref(timeColumn)}, ${sql.ref(idColumn)}) < (${time}::timestamptz, ${id}::uuid)`;
}

export function timeCursor(row: { cursor_time: string; id: string }): string {
  return `${row.cursor_time}|${row.id}`;
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f-]{36})$/;

function parseTimeCursor(cursor: string): [string, string] {
  const match = CURSOR.exec(cursor);
  if (!match?.[1] || !match[2])
    throw new DomainError('VALIDATION_FAILED', 'cursor: not a page cursor');
  return [match[1], match[2]];
}
