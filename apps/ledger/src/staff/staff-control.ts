import type { Database } from '@tally/db/schema';
import { type Kysely, sql } from 'kysely';

// Maker–checker that one person cannot satisfy.
//
// Whoever opens a staff account, or resets its password, knows that account's password:
// they *control* it (a row in staff_controllers) until a second person *confirms* it — an
// office member independent of it (`staff.confirm`), or the server's command line. Accounts
// made by the command line or the demo seed have no controller. Control is transitive: if P
// controls Q and Q controls R, then P controls R.
//
// The people who may hold an account's password are its own user and every account that
// controls it. Two accounts are *linked* when some person may hold both passwords: one
// controls the other, or a third controls both (P opened Q and R, and so can log as Q and
// approve as R). A reviewer may not approve nor reject records logged by a linked account,
// and may not confirm an account linked to theirs; accounts that are not linked are
// different people as far as anyone has vouched.

/**
 * Which of `candidateIds` are linked to `accountId` (see above): one query, a recursive walk
 * up the controllers of each account (UNION ends it even if control goes round in a circle).
 */
export async function accountsLinkedTo(
  db: Kysely<Database>,
  {
    communityId,
    accountId,
    candidateIds,
  }: { communityId: string; accountId: string; candidateIds: string[] },
): Promise<Set<string>> {
  const others = [...new Set(candidateIds)].filter((id) => id !== accountId);
  if (others.length === 0) return new Set();
  const { rows } = await sql<{ id: string }>`
    with recursive password_holders (account_id, holder_id) as (
      select s.id, s.id from staff_users s
       where s.community_id = ${communityId} and s.id in (${sql.join([accountId, ...others])})
      union
      select h.account_id, c.controller_id
        from password_holders h
        join staff_controllers c on c.community_id = ${communityId} and c.staff_id = h.holder_id
    )
    select distinct other.account_id as id
      from password_holders other
      join password_holders mine on mine.holder_id = other.holder_id
     where mine.account_id = ${accountId} and other.account_id <> ${accountId}`.execute(db);
  return new Set(rows.map((row) => row.id));
}

/** Accounts of the community waiting for a second office member to confirm them. */
export async function awaitingConfirmation(
  db: Kysely<Database>,
  communityId: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('staff_controllers')
    .select('staff_id')
    .distinct()
    .where('community_id', '=', communityId)
    .execute();
  return new Set(rows.map((row) => row.staff_id));
}

/** `controllerId` now knows `staffId`'s password: it controls it until someone confirms it. */
export async function addController(
  db: Kysely<Database>,
  {
    communityId,
    staffId,
    controllerId,
  }: { communityId: string; staffId: string; controllerId: string },
): Promise<void> {
  if (staffId === controllerId) return;
  await db
    .insertInto('staff_controllers')
    .values({ community_id: communityId, staff_id: staffId, controller_id: controllerId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
