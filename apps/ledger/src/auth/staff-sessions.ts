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
  const led = await db
    .selectFrom('organization_leaders')
    .select('organization_id')
    .where('community_id', '=', row.community_id)
    .where('staff_id', '=', row.id)
    .execute();
  return {
    kind: 'staff',
    id: row.id,
    communityId: row.community_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    organizationIds: led.map((l) => l.organization_id),
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
