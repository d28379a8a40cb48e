import type { Database } from '@tally/db/schema';
import type { Kysely } from 'kysely';
import type { KioskActor } from './actors';
import { hashToken } from './secrets';

/** The kiosk device behind a device token, unless it was revoked. */
export async function findKioskByToken(
  db: Kysely<Database>,
  token: string,
): Promise<KioskActor | null> {
  const row = await db
    .selectFrom('kiosks')
    .select(['id', 'community_id', 'name'])
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    // A closed community's kiosks are refused like revoked ones.
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('communities as c')
          .select('c.id')
          .whereRef('c.id', '=', 'kiosks.community_id')
          .where('c.active', '=', true),
      ),
    )
    .executeTakeFirst();
  return row ? toKioskActor(row) : null;
}

export function toKioskActor(row: { id: string; community_id: string; name: string }): KioskActor {
  return { kind: 'kiosk', kioskId: row.id, communityId: row.community_id, kioskName: row.name };
}
