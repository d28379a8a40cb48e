import type { Database } from '@tally/db/schema';
import { type Kysely, sql } from 'kysely';
import type { KioskActor, ResidentSession } from './actors';
import { toKioskActor } from './kiosk-devices';
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
    .with('device', (q) =>
      q
        .selectFrom('kiosks')
        .select(['id', 'community_id', 'name'])
        .where('token_hash', '=', hashToken(deviceToken))
        .where('revoked_at', 'is', null)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('communities as c')
              .select('c.id')
              .whereRef('c.id', '=', 'kiosks.community_id')
              .where('c.active', '=', true),
          ),
        ),
    )
    .with('live', (q) =>
      q
        .selectFrom('kiosk_sessions as s')
        .innerJoin('device as d', (j) =>
          j.onRef('s.community_id', '=', 'd.community_id').onRef('s.kiosk_id', '=', 'd.id'),
        )
        .select(['s.token_hash', 's.kiosk_id', 's.resident_id', 's.last_seen_at'])
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
    .where('token_hash', '=', session.tokenHash)
    .execute();
}
