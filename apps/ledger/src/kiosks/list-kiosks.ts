import type { Database } from '@tally/db/schema';
import type { Kiosk } from '@tally/domain/kiosks';
import type { Kysely } from 'kysely';

/** The community's kiosk devices, newest first, revoked ones included (never their tokens). */
export async function listKiosks(
  db: Kysely<Database>,
  { communityId }: { communityId: string },
): Promise<Kiosk[]> {
  const rows = await db
    .selectFrom('kiosks')
    .select(['id', 'name', 'created_at', 'revoked_at'])
    .where('community_id', '=', communityId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toKiosk);
}

export function toKiosk(row: {
  id: string;
  name: string;
  created_at: Date;
  revoked_at: Date | null;
}): Kiosk {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}
