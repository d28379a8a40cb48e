import type { Database } from '@tally/db/schema';
import type { ResidentDetail } from '@tally/domain/residents';
import { type Kysely, sql } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { forgiveResidentCard } from '../kiosk/card-attempts';
import { changeResident } from './change-resident';

/**
 * A card the office locks stays locked until the office unlocks it. Stored as
 * a lock time far in the future, so the kiosk's one "is the card locked?"
 * check covers both this and the 15-minute lock after wrong PINs.
 */
export const LOCKED_BY_OFFICE_UNTIL = new Date('9999-12-31T23:59:59.000Z');

/**
 * Locks a card (lost or stolen) or unlocks it. Locking also ends the card's
 * open kiosk sessions, so it stops working at once; unlocking forgives the
 * wrong PINs counted so far.
 */
export async function setCardLock(
  db: Kysely<Database>,
  {
    staff,
    origin,
    idempotencyKey,
    id,
    locked,
  }: { staff: StaffActor; origin: string; idempotencyKey: string; id: string; locked: boolean },
): Promise<ResidentDetail> {
  return changeResident(db, {
    staff,
    origin,
    idempotencyKey,
    operation: 'residents.setCardLock',
    request: { id, locked },
    residentId: id,
    changes: locked
      ? { card_locked_until: LOCKED_BY_OFFICE_UNTIL }
      : { card_locked_until: null, pin_failures: 0 },
    details: { locked },
    afterChange: async (trx) => {
      if (locked) await endCardSessions(trx, { communityId: staff.communityId, residentId: id });
      else await forgiveResidentCard(trx, { communityId: staff.communityId, residentId: id });
    },
  });
}

/**
 * Signs the resident out of every kiosk and every phone they signed in on themself, so a lost
 * card or a seen PIN stops working now. Their proxies' phones keep their own sign-ins.
 */
export async function endCardSessions(
  trx: Kysely<Database>,
  { communityId, residentId }: { communityId: string; residentId: string },
): Promise<void> {
  await trx
    .updateTable('kiosk_sessions')
    .set({ ended_at: sql`now()` })
    .where('community_id', '=', communityId)
    .where('resident_id', '=', residentId)
    .where('ended_at', 'is', null)
    .execute();
  await trx
    .updateTable('phone_sessions')
    .set({ ended_at: sql`now()` })
    .where('community_id', '=', communityId)
    .where('resident_id', '=', residentId)
    .where('ended_at', 'is', null)
    .execute();
}
