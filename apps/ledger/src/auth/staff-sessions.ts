import type { Database } from '@tally/db/schema';
import type { StaffSession } from '@tally/domain/staff';
import { type Kysely, sql } from 'kysely';
import type { StaffActor } from './actors';
import { communityIsOpen } from './open-community';
import { hashToken, newToken } from './secrets';

export const STAFF_SESSION_HOURS = 12;
/** "Last used" is kept to the minute, so most requests read a session without writing it. */
const LAST_SEEN_PRECISION = sql`interval '1 minute'`;

/**
 * The member of staff behind a session token, while the session lives and the account is
 * active, with the organizations they lead. Given the request's origin, it also notes when and
 * from where the session was last used (at most once a minute from the same place). One
 * statement: this runs on every staff request.
 */
export async function findStaffBySession(
  db: Kysely<Database>,
  token: string,
  { origin }: { origin?: string } = {},
): Promise<StaffActor | null> {
  const tokenHash = hashToken(token);
  const row = await db
    .with('live', (q) =>
      q
        .selectFrom('staff_sessions as s')
        .innerJoin('staff_users as u', (join) =>
          join.onRef('u.community_id', '=', 's.community_id').onRef('u.id', '=', 's.staff_id'),
        )
        .select([
          'u.id',
          'u.community_id',
          'u.username',
          'u.display_name',
          'u.role',
          'u.must_change_password',
          'u.street_id',
          's.viewing_community_id',
          's.id as session_id',
          's.token_hash',
        ])
        .select(
          sql<boolean>`${origin !== undefined} and (s.last_seen_at <= now() - ${LAST_SEEN_PRECISION} or s.last_origin is distinct from ${origin ?? null})`.as(
            'seen_anew',
          ),
        )
        .where('s.token_hash', '=', tokenHash)
        .where('s.ended_at', 'is', null)
        // The service's clock wrote expires_at (startStaffSession): the same clock reads it.
        .where('s.expires_at', '>', new Date())
        .where('u.active', '=', true)
        // A closed community's staff are signed out; the street office reads it still.
        .where((eb) => eb.or([eb('u.role', '=', 'street'), communityIsOpen('s.community_id')])),
    )
    // A data-modifying WITH runs whether or not the query reads it.
    .with('seen', (q) =>
      q
        .updateTable('staff_sessions as s')
        .from('live as l')
        .set({ last_seen_at: sql`now()`, last_origin: origin ?? null })
        .whereRef('s.community_id', '=', 'l.community_id')
        .whereRef('s.token_hash', '=', 'l.token_hash')
        .where('l.seen_anew', '=', true)
        .returning('s.token_hash'),
    )
    .selectFrom('live')
    .selectAll('live')
    .select(
      sql<string[]>`array(
        select l.organization_id from organization_leaders l
        where l.community_id = live.community_id and l.staff_id = live.id
      )`.as('organization_ids'),
    )
    .executeTakeFirst();
  if (!row) return null;
  return {
    kind: 'staff',
    id: row.id,
    communityId: row.viewing_community_id ?? row.community_id,
    homeCommunityId: row.community_id,
    streetId: row.street_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    organizationIds: row.organization_ids,
    mustChangePassword: row.must_change_password,
    sessionId: row.session_id,
    sessionTokenHash: tokenHash,
  };
}

export async function startStaffSession(
  db: Kysely<Database>,
  { communityId, staffId, origin }: { communityId: string; staffId: string; origin: string },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken('staffSession');
  const expiresAt = new Date(Date.now() + STAFF_SESSION_HOURS * 3_600_000);
  await db
    .insertInto('staff_sessions')
    .values({
      token_hash: hashToken(token),
      community_id: communityId,
      staff_id: staffId,
      expires_at: expiresAt,
      origin,
      last_origin: origin,
    })
    .execute();
  return { token, expiresAt };
}

/**
 * Ends sessions of one account at once: all of them, all but the one given (`except`), or
 * only the one given (`only`). Their tokens stop working on the next request. Returns the
 * ids of the sessions it ended.
 */
export async function endStaffSessions(
  db: Kysely<Database>,
  {
    communityId,
    staffId,
    except,
    only,
  }: { communityId: string; staffId: string; except?: string; only?: string },
): Promise<string[]> {
  let query = db
    .updateTable('staff_sessions')
    .set({ ended_at: sql`now()` })
    .where('community_id', '=', communityId)
    .where('staff_id', '=', staffId)
    .where('ended_at', 'is', null);
  if (except) query = query.where('id', '<>', except);
  if (only) query = query.where('id', '=', only);
  const ended = await query.returning('id').execute();
  return ended.map((row) => row.id);
}

/** An account's live sessions, most recently used first; `currentSessionId` marks the caller's. */
export async function listStaffSessions(
  db: Kysely<Database>,
  {
    communityId,
    staffId,
    currentSessionId,
  }: { communityId: string; staffId: string; currentSessionId: string },
): Promise<StaffSession[]> {
  const rows = await db
    .selectFrom('staff_sessions')
    .select(['id', 'created_at', 'origin', 'last_seen_at', 'last_origin', 'expires_at'])
    .where('community_id', '=', communityId)
    .where('staff_id', '=', staffId)
    .where('ended_at', 'is', null)
    .where('expires_at', '>', new Date())
    .orderBy('last_seen_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    startedAt: row.created_at.toISOString(),
    startedFrom: row.origin,
    lastSeenAt: row.last_seen_at.toISOString(),
    lastSeenFrom: row.last_origin,
    expiresAt: row.expires_at.toISOString(),
    current: row.id === currentSessionId,
  }));
}

/** The organizations a member of staff leads (only leaders lead any). */
export async function ledOrganizationIds(
  db: Kysely<Database>,
  { communityId, staffId }: { communityId: string; staffId: string },
): Promise<string[]> {
  const rows = await db
    .selectFrom('organization_leaders')
    .select('organization_id')
    .where('community_id', '=', communityId)
    .where('staff_id', '=', staffId)
    .execute();
  return rows.map((r) => r.organization_id);
}
