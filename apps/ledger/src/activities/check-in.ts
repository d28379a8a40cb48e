import type { Database } from '@tally/db/schema';
import type {
  CheckInInput,
  CheckInResult,
  CheckOutResult,
  KioskCheckInInput,
} from '@tally/domain/activities';
import { DomainError } from '@tally/domain/errors';
import type { Kysely, Transaction } from 'kysely';
import type { KioskActor, StaffActor } from '../auth/actors';
import { runResidentWrite, runStaffWrite } from '../common/use-case';
import { type Card, checkCardAndPin, findCard, lockedError } from '../kiosk/identify-resident';
import { organizationStaffMayRun } from './activity-rows';
import { checkInAtDoor, checkOutAtDoor } from './door';

type AtTheDoor = { staff: StaffActor; origin: string; input: CheckInInput };

/**
 * The leader's phone (or the office) checks a resident in: the card number typed, or read from
 * the member card's QR code or the printed activity sheet.
 */
export function checkIn(db: Kysely<Database>, { staff, origin, input }: AtTheDoor) {
  const { idempotencyKey, ...request } = input;
  return runStaffWrite<CheckInResult>(
    db,
    { staff, origin, operation: 'activities.checkIn', key: idempotencyKey, request },
    async (trx) => {
      const residentId = await residentAtDoor(trx, { staff, ...request });
      const result = await checkInAtDoor(trx, {
        communityId: staff.communityId,
        activityId: request.activityId,
        residentId,
        via: 'staff',
        byId: staff.id,
      });
      return { result, audit: result.alreadyCheckedIn ? null : doorAudit(result) };
    },
  );
}

/** The leader's phone checks a resident out; minutes then run to check-out, capped. */
export function checkOut(db: Kysely<Database>, { staff, origin, input }: AtTheDoor) {
  const { idempotencyKey, ...request } = input;
  return runStaffWrite<CheckOutResult>(
    db,
    { staff, origin, operation: 'activities.checkOut', key: idempotencyKey, request },
    async (trx) => {
      const residentId = await residentAtDoor(trx, { staff, ...request });
      const result = await checkOutAtDoor(trx, {
        communityId: staff.communityId,
        activityId: request.activityId,
        residentId,
      });
      return {
        result,
        audit: result.alreadyCheckedOut
          ? null
          : { ...doorAudit(result), details: { residentId, minutes: result.minutes } },
      };
    },
  );
}

/**
 * A kiosk the office switched into activity mode for this activity checks a resident in: the
 * card tapped (its number alone) or typed with the PIN, which is checked like an identification,
 * under the same lockout. A card locked (by the office, or after wrong PINs) is refused either way.
 */
export async function checkInAtKiosk(
  db: Kysely<Database>,
  { kiosk, origin, input }: { kiosk: KioskActor; origin: string; input: KioskCheckInInput },
): Promise<CheckInResult> {
  const { communityId, kioskId } = kiosk;
  const { idempotencyKey, activityId, cardNumber, pin } = input;
  await assertAtThisDoor(db, { kiosk, activityId });
  const card =
    pin === undefined
      ? await tappedCard(db, { communityId, cardNumber })
      : await checkCardAndPin(db, { kiosk, origin, cardNumber, pin });
  return runResidentWrite(
    db,
    {
      session: { communityId, kioskId, residentId: card.id },
      origin,
      operation: 'kiosk.checkIn',
      key: idempotencyKey,
      request: { activityId },
    },
    async (trx) => {
      const result = await checkInAtDoor(trx, {
        communityId,
        activityId,
        residentId: card.id,
        via: 'kiosk',
        byId: kioskId,
      });
      return { result, audit: result.alreadyCheckedIn ? null : doorAudit(result) };
    },
  );
}

/** The kiosk keeps this activity's door (activity mode); otherwise it checks no one in. */
async function assertAtThisDoor(
  db: Kysely<Database>,
  { kiosk, activityId }: { kiosk: KioskActor; activityId: string },
): Promise<void> {
  const row = await db
    .selectFrom('kiosks')
    .select('activity_id')
    .where('community_id', '=', kiosk.communityId)
    .where('id', '=', kiosk.kioskId)
    .executeTakeFirst();
  if (row?.activity_id !== activityId) {
    throw new DomainError(
      'FORBIDDEN',
      'This kiosk is not checking residents in at this activity; the office switches it into activity mode.',
    );
  }
}

/** A card tapped at the door: its number alone is enough, unless the card is locked. */
async function tappedCard(
  db: Kysely<Database>,
  { communityId, cardNumber }: { communityId: string; cardNumber: string },
): Promise<Card> {
  const card = await findCard(db, { communityId, typed: cardNumber });
  if (!card) throw new DomainError('NOT_FOUND', 'This card is not known here.');
  if (card.card_locked_until && card.card_locked_until > new Date()) {
    throw lockedError(card.card_locked_until);
  }
  return card;
}

/** The resident holding the card, at an activity the staff member may run. */
async function residentAtDoor(
  trx: Transaction<Database>,
  { staff, activityId, cardNumber }: { staff: StaffActor; activityId: string; cardNumber: string },
): Promise<string> {
  await organizationStaffMayRun(trx, { staff, activityId });
  const card = await findCard(trx, { communityId: staff.communityId, typed: cardNumber });
  if (!card) throw new DomainError('NOT_FOUND', 'No resident holds this card number.');
  return card.id;
}

function doorAudit(result: { activityId: string; residentId: string }) {
  return {
    target: { type: 'activity' as const, id: result.activityId },
    details: { residentId: result.residentId },
  };
}
