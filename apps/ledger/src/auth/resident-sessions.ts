import type { Database } from '@tally/db/schema';
import { type Kysely, sql } from 'kysely';
import type { KioskActor, ResidentSession } from './actors';
import { liveKiosksWithToken, toKioskActor } from './kiosk-devices';
import { hashToken, newToken } from './secrets';

/** A resident's kiosk session ends after this long without activity. */
export const RESIDENT_IDLE_SECONDS = 120;
/** How stale a session's last activity may be before a request notes it again. */
const LAST_SEEN_EVERY_SECONDS = 5;

export async function startResidentSession(
  db: Kysely<Database>,
  { kiosk, residentId }: { kiosk: KioskActor; residentId: string },
): Promise<string> {
  const token = newToken('residentSession');
  await db
    .insertInto('kiosk_sessions')
    .values({
      token_hash: hashToken(token),
      community_id: kiosk.communityId,
      kiosk_id: kiosk.kioskId,
      resident_id: residentId,
    })
    .execute();
  return token;
}

/**
 * The kiosk device behind a device token and, in the same statement, the live session of a
 * resident identified at it, marked active now. Null when the device is unknown or revoked;
 * `resident` is null when the session is unknown, ended, idle too long or another kiosk's.
 */
export async function findKioskWithResident(
  db: Kysely<Database>,
  { deviceToken, residentToken }: { deviceToken: string; residentToken: string },
): Promise<{ kiosk: KioskActor; resident: ResidentSession | null } | null> {
  const residentTokenHash = hashToken(residentToken);
  const row = await db
    // A token two kiosks share is no kiosk's (see findKioskByToken).
    .with('device', (q) => liveKiosksWithToken(q, hashToken(deviceToken)))
    .with('live', (q) =>
      q
        .selectFrom('kiosk_sessions as s')
        .innerJoin('device as d', (j) =>
          j.onRef('s.community_id', '=', 'd.community_id').onRef('s.kiosk_id', '=', 'd.id'),
        )
        .select(['s.community_id', 's.token_hash', 's.kiosk_id', 's.resident_id', 's.last_seen_at'])
        .where('s.token_hash', '=', residentTokenHash)
        .where('s.ended_at', 'is', null)
        .where(
          's.last_seen_at',
          '>',
          sql<Date>`now() - make_interval(secs => ${RESIDENT_IDLE_SECONDS})`,
        ),
    )
    // Kept alive, but noted at most every few seconds: a resident's burst of requests (a
    // redemption and the screens around it) then writes nothing, and commits no log flush.
    .with('resumed', (q) =>
      q
        .updateTable('kiosk_sessions as s')
        .from('live as l')
        .set({ last_seen_at: sql`now()` })
        .whereRef('s.community_id', '=', 'l.community_id')
        .whereRef('s.token_hash', '=', 'l.token_hash')
        .where(
          'l.last_seen_at',
          '<',
          sql<Date>`now() - make_interval(secs => ${LAST_SEEN_EVERY_SECONDS})`,
        )
        .returning('s.token_hash'),
    )
    .selectFrom('device as d')
    .leftJoin('live as r', 'r.kiosk_id', 'd.id')
    .select(['d.id', 'd.community_id', 'd.name', 'r.resident_id'])
    .where('d.holders', '=', 1)
    .executeTakeFirst();
  if (!row) return null;
  const kiosk = toKioskActor(row);
  const resident = row.resident_id
    ? {
        residentId: row.resident_id,
        communityId: row.community_id,
        kioskId: row.id,
        tokenHash: residentTokenHash,
      }
    : null;
  return { kiosk, resident };
}

export async function endResidentSession(db: Kysely<Database>, session: ResidentSession) {
  await db
    .updateTable('kiosk_sessions')
    .set({ ended_at: sql`now()` })
    .where('community_id', '=', session.communityId)
    .where('token_hash', '=', session.tokenHash)
    .execute();
}
