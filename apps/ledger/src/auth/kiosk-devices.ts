import type { Database } from '@tally/db/schema';
import { type Kysely, type QueryCreator, sql } from 'kysely';
import type { KioskActor } from './actors';
import { communityIsOpen } from './open-community';
import { hashToken } from './secrets';

/**
 * The kiosk device behind a device token, unless it was revoked. A token names its community only
 * through its kiosk, and the database keeps tokens unique within a community only (so it can be
 * split by community): a token two live kiosks share signs in to neither, rather than to
 * whichever comes first. Registration refuses a token already in use (`registerKiosk`), so
 * only a hand-made row could share one.
 */
export async function findKioskByToken(
  db: Kysely<Database>,
  token: string,
): Promise<KioskActor | null> {
  const row = await liveKiosksWithToken(db, hashToken(token)).limit(1).executeTakeFirst();
  return row?.holders === 1 ? toKioskActor(row) : null;
}

/** Live kiosks holding a token's hash, with how many there are (one, unless it is ambiguous). */
export function liveKiosksWithToken(db: QueryCreator<Database>, tokenHash: string) {
  return (
    db
      .selectFrom('kiosks')
      .select(['id', 'community_id', 'name', sql<number>`(count(*) over ())::int`.as('holders')])
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      // A closed community's kiosks are refused like revoked ones.
      .where(communityIsOpen('kiosks.community_id'))
  );
}

export function toKioskActor(row: { id: string; community_id: string; name: string }): KioskActor {
  return { kind: 'kiosk', kioskId: row.id, communityId: row.community_id, kioskName: row.name };
}
