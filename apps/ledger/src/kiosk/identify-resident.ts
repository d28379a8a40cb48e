import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { KioskResident } from '@tally/domain/kiosk';
import { type Kysely, sql } from 'kysely';
import type { KioskActor, ResidentSession } from '../auth/actors';
import { endResidentSession, startResidentSession } from '../auth/resident-sessions';
import { verifyAgainstDecoy, verifySecret } from '../auth/secrets';
import { recordAudit } from '../common/audit';
import { LOCKED_BY_OFFICE_UNTIL } from '../residents/set-card-lock';
import { kioskResident } from './kiosk-resident';

export const MAX_PIN_TRIES = 5;
export const CARD_LOCK_MINUTES = 15;

type Attempt = { id: string; pinHash: string; tries: number; lockedUntil: Date | null };

/**
 * Counts a try against a card before its PIN is checked, in a statement of its
 * own that commits even though the call may then fail. Counting first means
 * parallel guesses cannot outrun the lock: the fifth try locks the card at
 * once, and a right PIN lifts the lock again. A card that is locked is not
 * tried at all.
 */
async function claimTry(
  db: Kysely<Database>,
  { communityId, cardNumber }: { communityId: string; cardNumber: string },
): Promise<Attempt | undefined> {
  // A lock that has run out starts the count afresh.
  const tries = sql<number>`case when card_locked_until is null then pin_failures + 1 else 1 end`;
  const row = await db
    .updateTable('residents')
    .set({
      pin_failures: tries,
      card_locked_until: sql<Date | null>`case when ${tries} >= ${MAX_PIN_TRIES}
        then now() + make_interval(mins => ${CARD_LOCK_MINUTES}) else null end`,
    })
    .where('community_id', '=', communityId)
    .where('card_number', '=', cardNumber)
    .where((eb) =>
      eb.or([eb('card_locked_until', 'is', null), eb('card_locked_until', '<=', sql<Date>`now()`)]),
    )
    .returning(['id', 'pin_hash', 'pin_failures', 'card_locked_until'])
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    pinHash: row.pin_hash,
    tries: row.pin_failures,
    lockedUntil: row.card_locked_until,
  };
}

function lockedError(lockedUntil: Date): DomainError {
  const details = { lockedUntil: lockedUntil.toISOString() };
  if (lockedUntil >= LOCKED_BY_OFFICE_UNTIL) {
    return new DomainError(
      'PIN_LOCKED',
      'This card is locked. Please ask the community office.',
      details,
    );
  }
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - Date.now()) / 60_000));
  return new DomainError(
    'PIN_LOCKED',
    `This card is locked after too many wrong PINs. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    details,
  );
}

function wrongPinError(triesLeft: number): DomainError {
  return new DomainError(
    'WRONG_PIN',
    `The PIN is not right. ${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left.`,
    { triesLeft },
  );
}

/**
 * A resident identifies at a kiosk with card and PIN. An unknown card answers
 * exactly like a wrong PIN, so the kiosk never tells which cards exist.
 */
export async function identifyResident(
  db: Kysely<Database>,
  {
    kiosk,
    origin,
    cardNumber,
    pin,
  }: { kiosk: KioskActor; origin: string; cardNumber: string; pin: string },
): Promise<{ residentToken: string; resident: KioskResident }> {
  const { communityId } = kiosk;
  const audit = (
    executor: Kysely<Database>,
    action: string,
    residentId: string | null,
    details: Record<string, unknown>,
  ) =>
    recordAudit(executor, {
      communityId,
      actor: { type: 'kiosk', id: kiosk.kioskId },
      action,
      ...(residentId ? { target: { type: 'resident', id: residentId } } : {}),
      origin,
      details,
    });

  const attempt = await claimTry(db, { communityId, cardNumber });
  if (!attempt) {
    const card = await db
      .selectFrom('residents')
      .select(['id', 'card_locked_until'])
      .where('community_id', '=', communityId)
      .where('card_number', '=', cardNumber)
      .executeTakeFirst();
    if (card?.card_locked_until) {
      await audit(db, 'kiosk.identify_refused_locked', card.id, {});
      throw lockedError(card.card_locked_until);
    }
    // Unknown card: spend the same time as a real check, count nothing.
    await verifyAgainstDecoy(pin);
    await audit(db, 'kiosk.identify_failed', null, { cardNumber, knownCard: false });
    throw wrongPinError(MAX_PIN_TRIES - 1);
  }

  if (!(await verifySecret(attempt.pinHash, pin))) {
    const locked = attempt.lockedUntil !== null;
    await audit(db, 'kiosk.identify_failed', attempt.id, {
      knownCard: true,
      tries: attempt.tries,
      locked,
    });
    if (attempt.lockedUntil) throw lockedError(attempt.lockedUntil);
    throw wrongPinError(MAX_PIN_TRIES - attempt.tries);
  }

  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('residents')
      .set({ pin_failures: 0, card_locked_until: null })
      .where('community_id', '=', communityId)
      .where('id', '=', attempt.id)
      .execute();
    const residentToken = await startResidentSession(trx, { kiosk, residentId: attempt.id });
    await audit(trx, 'kiosk.identify', attempt.id, {});
    const resident = await kioskResident(trx, { communityId, residentId: attempt.id });
    return { residentToken, resident };
  });
}

/** Ends the resident's kiosk session, so the token no longer works. */
export async function signOutResident(
  db: Kysely<Database>,
  { kiosk, session, origin }: { kiosk: KioskActor; session: ResidentSession; origin: string },
): Promise<{ ok: true }> {
  await db.transaction().execute(async (trx) => {
    await endResidentSession(trx, session);
    await recordAudit(trx, {
      communityId: kiosk.communityId,
      actor: { type: 'kiosk', id: kiosk.kioskId },
      action: 'kiosk.sign_out',
      target: { type: 'resident', id: session.residentId },
      origin,
    });
  });
  return { ok: true };
}
