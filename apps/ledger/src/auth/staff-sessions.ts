import type { Database } from '@tally/db/schema';
import type { Kysely } from 'kysely';
import type { StaffActor } from './actors';
import { hashToken, newToken } from './secrets';

export const STAFF_SESSION_HOURS = 12;

export async function findStaffBySession(
  db: Kysely<Database>,
  token: string,
): Promise<StaffActor | null> {
  const tokenHash = hashToken(token);
  const row = await db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff_users as u', (join) =>
      join.onRef('u.community_id', '=', 's.community_id').onRef('u.id', '=', 's.staff_id'),
    )
    .select(['u.id', 'u.community_id', 'u.username', 'u.display_name', 'u.role'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.ended_at', 'is', null)
    .where('s.expires_at', '>', new Date())
    .where('u.active', '=', true)
    .executeTakeFirst();
  if (!row) return null;
  return {
    kind: 'staff',
    id: row.id,
    communityId: row.community_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    organizationIds: await ledOrganizationIds(db, {
      communityId: row.community_id,
      staffId: row.id,
    }),
    sessionTokenHash: tokenHash,
  };
}

export async function startStaffSession(
  db: Kysely<Database>,
  { communityId, staffId }: { communityId: string; staffId: string },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken('tst');
  const expiresAt = new Date(Date.now() + STAFF_SESSION_HOURS * 3_600_000);
  await db
    .insertInto('staff_sessions')
    .values({
      token_hash: hashToken(token),
      community_id: communityId,
      staff_id: staffId,
      expires_at: expiresAt,
    })
    .execute();
  return { token, expiresAt };
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
