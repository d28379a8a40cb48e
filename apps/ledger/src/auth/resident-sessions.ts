import type { Database } from '@tally/db/schema';
import { type Kysely, sql } from 'kysely';
import type { KioskActor, ResidentSession } from './actors';
import { hashToken, newToken } from './secrets';

/** A resident's kiosk session ends after this long without activity. */
export const RESIDENT_IDLE_SECONDS = 120;

export async function startResidentSession(
  db: Kysely<Database>,
  { kiosk, residentId }: { kiosk: KioskActor; residentId: string },
): Promise<string> {
  const token = newToken('trs');
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

/** Finds a live session of this kiosk and marks it active now, in one statement. */
export async function resumeResidentSession(
  db: Kysely<Database>,
  { kiosk, token }: { kiosk: KioskActor; token: string },
): Promise<ResidentSession | null> {
  const tokenHash = hashToken(token);
  const row = await db
    .updateTable('kiosk_sessions')
    .set({ last_seen_at: sql`now()` })
    .where('token_hash', '=', tokenHash)
    .where('community_id', '=', kiosk.communityId)
    .where('kiosk_id', '=', kiosk.kioskId)
    .where('ended_at', 'is', null)
    .where('last_seen_at', '>', sql<Date>`now() - make_interval(secs => ${RESIDENT_IDLE_SECONDS})`)
    .returning(['resident_id', 'community_id', 'kiosk_id'])
    .executeTakeFirst();
  if (!row) return null;
  return {
    residentId: row.resident_id,
    communityId: row.community_id,
    kioskId: row.kiosk_id,
    tokenHash,
  };
}

export async function endResidentSession(db: Kysely<Database>, session: ResidentSession) {
  await db
    .updateTable('kiosk_sessions')
    .set({ ended_at: sql`now()` })
    .where('token_hash', '=', session.tokenHash)
    .execute();
}
