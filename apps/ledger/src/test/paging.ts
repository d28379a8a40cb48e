import type { Database } from '@tally/db/schema';
import { type Kysely, sql } from 'kysely';

type Page<T> = { items: T[]; nextCursor: string | null };

/** Every item a cursor-paged procedure hands out, `limit` at a time, in the order it gave them. */
export async function pageThrough<T>(
  fetch: (input: { limit: number; cursor?: string }) => Promise<Page<T>>,
  limit: number,
): Promise<T[]> {
  const seen: T[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await fetch(cursor ? { limit, cursor } : { limit });
    seen.push(...page.items);
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error('still paging after 100 pages: the cursor does not move on');
}

/**
 * Microseconds past one whole millisecond: rows a microsecond apart, and three of the very same
 * instant that only their ids tell apart. A cursor rounded to milliseconds skips all of them.
 */
const CROWD = [1, 2, 2, 2, 999];

/**
 * Moves `column` of the rows `ids` (at most five) into one millisecond a minute ago and returns
 * the ids newest first by (time, id), the order a time-ordered list must hand them out in.
 */
export async function crowdIntoOneMillisecond(
  db: Kysely<Database>,
  {
    table,
    column,
    communityId,
    ids,
  }: { table: keyof Database; column: string; communityId: string; ids: string[] },
): Promise<string[]> {
  const millisecond = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000).toISOString();
  const placed = ids.map((id, i) => ({ id, micros: CROWD[i % CROWD.length] ?? 0 }));
  for (const { id, micros } of placed) {
    await sql`update ${sql.table(table)}
                 set ${sql.ref(column)} = ${millisecond}::timestamptz + ${`${micros} microseconds`}::interval
               where community_id = ${communityId} and id = ${id}`.execute(db);
  }
  return placed.sort((a, b) => b.micros - a.micros || (a.id < b.id ? 1 : -1)).map(({ id }) => id);
}
