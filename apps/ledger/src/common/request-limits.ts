import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import { type Kysely, sql } from 'kysely';

/** At most `max` requests per `seconds` for one key (a source address, an account, a card, a device). */
export type RequestLimit = { key: string; max: number; seconds: number };

/**
 * Counts one request against each limit, all in one statement, and refuses it with
 * TOO_MANY_REQUESTS (saying when to try again) once any of them is used up. The counters live in
 * the database, so every service instance sees the same count, and the check runs per procedure
 * call, so batching many calls into one HTTP request counts each of them.
 *
 * Windows are fixed and aligned to the clock (every key of the same length shares its edges), so
 * the update needs nothing but the window's start.
 */
export async function takeRequest(db: Kysely<Database>, limits: RequestLimit[]): Promise<void> {
  const unique = [...new Map(limits.map((limit) => [limit.key, limit])).values()];
  if (unique.length === 0) return;
  const { rows } = await sql<{ key: string; hits: number; retry_after: number }>`
    insert into request_limits as r (key, window_started_at, hits)
    select l.key, to_timestamp(floor(extract(epoch from now()) / l.seconds) * l.seconds), 1
      from unnest(${unique.map((l) => l.key)}::text[], ${unique.map((l) => l.seconds)}::int[])
        as l (key, seconds)
    on conflict (key) do update set
      hits = case when r.window_started_at = excluded.window_started_at then r.hits + 1 else 1 end,
      window_started_at = excluded.window_started_at
    returning r.key, r.hits,
      ceil(extract(epoch from r.window_started_at - now()))::int as retry_after
  `.execute(db);
  const over = rows
    .map((row) => {
      const limit = unique.find((l) => l.key === row.key);
      return limit && row.hits > limit.max
        ? Math.max(1, Number(row.retry_after) + limit.seconds)
        : 0;
    })
    .reduce((longest, seconds) => Math.max(longest, seconds), 0);
  if (Math.random() < 0.01) await forgetOldWindows(db);
  if (over > 0) throw tooManyRequests(over);
}

export function tooManyRequests(retryAfterSeconds: number): DomainError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new DomainError(
    'TOO_MANY_REQUESTS',
    retryAfterSeconds < 90
      ? `Too many attempts. Please wait ${retryAfterSeconds} seconds and try again.`
      : `Too many attempts. Please wait ${minutes} minutes and try again.`,
    { retryAfterSeconds },
  );
}

/** Windows longer ago than any limit's length are of no use; the table stays small. */
async function forgetOldWindows(db: Kysely<Database>): Promise<void> {
  await db
    .deleteFrom('request_limits')
    .where('window_started_at', '<', sql<Date>`now() - interval '1 day'`)
    .execute();
}
