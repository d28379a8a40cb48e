import type { Database } from '@tally/db/schema';
import { type Kysely, sql } from 'kysely';

/** Tries against one account from one source before that source is locked out of it. */
export const MAX_TRIES_PER_SOURCE = 5;
/** Tries against one account from all sources together before it is locked everywhere. */
export const MAX_TRIES_PER_ACCOUNT = 25;
/** How long a lock lasts, and how long tries are remembered without one. */
export const LOCK_MINUTES = 15;

export type SignInTry = { claimed: true } | { claimed: false; lockedUntil: Date };

// A count whose window began LOCK_MINUTES ago, or that ended in a lock, starts again at 1.
const windowOver = (started: string, locked: string) =>
  sql.raw(
    `(${locked} is not null or ${started} <= now() - make_interval(mins => ${LOCK_MINUTES}))`,
  );

/**
 * Counts a try to sign in to an account from a source (the request's origin) before its
 * password is checked, in statements of their own that commit even though the sign-in may
 * then fail. Counting first means parallel guesses cannot outrun the lock: the fifth try from
 * one source locks the account from that source at once, and the 25th from all sources
 * together locks it everywhere, each for 15 minutes. A try while locked is refused without
 * being counted, and its password is never checked. A source's own lock does not shut the
 * real person out from elsewhere; only the backstop does, and it takes 25 requests.
 */
export async function claimSignInTry(
  db: Kysely<Database>,
  { communityId, staffId, source }: { communityId: string; staffId: string; source: string },
): Promise<SignInTry> {
  const restart = windowOver('t.window_started_at', 't.locked_until');
  const tries = sql<number>`case when ${restart} then 1 else t.tries + 1 end`;
  const fromSource = await sql<{ tries: number }>`
    insert into staff_login_tries as t (community_id, staff_id, source, tries)
    values (${communityId}, ${staffId}, ${source}, 1)
    on conflict (community_id, staff_id, source) do update set
      tries = ${tries},
      window_started_at = case when ${restart} then now() else t.window_started_at end,
      locked_until = case when ${tries} >= ${MAX_TRIES_PER_SOURCE}
        then now() + make_interval(mins => ${LOCK_MINUTES}) end
    where t.locked_until is null or t.locked_until <= now()
    returning tries`.execute(db);
  if (fromSource.rows.length === 0) {
    return { claimed: false, lockedUntil: await sourceLock(db, { communityId, staffId, source }) };
  }

  const accountRestart = windowOver('failed_logins_since', 'locked_until');
  const accountTries = sql<number>`case when ${accountRestart} or failed_logins_since is null
    then 1 else failed_logins + 1 end`;
  const account = await db
    .updateTable('staff_users')
    .set({
      failed_logins: accountTries,
      failed_logins_since: sql`case when ${accountRestart} or failed_logins_since is null
        then now() else failed_logins_since end`,
      locked_until: sql`case when ${accountTries} >= ${MAX_TRIES_PER_ACCOUNT}
        then now() + make_interval(mins => ${LOCK_MINUTES}) end`,
    })
    .where('community_id', '=', communityId)
    .where('id', '=', staffId)
    .where((eb) =>
      eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', sql<Date>`now()`)]),
    )
    .returning('failed_logins')
    .executeTakeFirst();
  if (!account) {
    const { locked_until } = await db
      .selectFrom('staff_users')
      .select('locked_until')
      .where('community_id', '=', communityId)
      .where('id', '=', staffId)
      .executeTakeFirstOrThrow();
    return { claimed: false, lockedUntil: locked_until ?? new Date() };
  }
  return { claimed: true };
}

async function sourceLock(
  db: Kysely<Database>,
  { communityId, staffId, source }: { communityId: string; staffId: string; source: string },
): Promise<Date> {
  const row = await db
    .selectFrom('staff_login_tries')
    .select('locked_until')
    .where('community_id', '=', communityId)
    .where('staff_id', '=', staffId)
    .where('source', '=', source)
    .executeTakeFirst();
  return row?.locked_until ?? new Date();
}

/**
 * The right password was given from `source`: its count and the account's backstop start
 * again, and counts of other sources that ran out long ago are dropped. Without a source
 * (the office reset the password) every count and lock of the account is lifted.
 */
export async function clearSignInTries(
  db: Kysely<Database>,
  { communityId, staffId, source }: { communityId: string; staffId: string; source?: string },
): Promise<void> {
  let forgotten = db
    .deleteFrom('staff_login_tries')
    .where('community_id', '=', communityId)
    .where('staff_id', '=', staffId);
  if (source !== undefined) {
    forgotten = forgotten.where((eb) =>
      eb.or([
        eb('source', '=', source),
        eb.and([
          eb('window_started_at', '<=', sql<Date>`now() - make_interval(mins => ${LOCK_MINUTES})`),
          eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', sql<Date>`now()`)]),
        ]),
      ]),
    );
  }
  await forgotten.execute();
  await db
    .updateTable('staff_users')
    .set({ failed_logins: 0, failed_logins_since: null, locked_until: null })
    .where('community_id', '=', communityId)
    .where('id', '=', staffId)
    .execute();
}

/**
 * Gives back a try counted against an account when the same password opened another account
 * of the same name (user names are unique per community only). That password is not this
 * account's, so the try guessed nothing; without the refund, every sign-in of one
 * community's "office" would count against every other community's "office".
 */
export async function refundSignInTry(
  db: Kysely<Database>,
  { communityId, staffId, source }: { communityId: string; staffId: string; source: string },
): Promise<void> {
  await db
    .updateTable('staff_login_tries')
    .set({
      tries: sql`greatest(tries - 1, 0)`,
      locked_until: sql`case when tries - 1 < ${MAX_TRIES_PER_SOURCE} then null else locked_until end`,
    })
    .where('community_id', '=', communityId)
    .where('staff_id', '=', staffId)
    .where('source', '=', source)
    .execute();
  await db
    .updateTable('staff_users')
    .set({
      failed_logins: sql`greatest(failed_logins - 1, 0)`,
      locked_until: sql`case when failed_logins - 1 < ${MAX_TRIES_PER_ACCOUNT} then null else locked_until end`,
    })
    .where('community_id', '=', communityId)
    .where('id', '=', staffId)
    .execute();
}
