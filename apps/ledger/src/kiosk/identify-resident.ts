import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { KioskResident } from '@tally/domain/kiosk';
import type { Kysely } from 'kysely';
import type { KioskActor, ResidentSession } from '../auth/actors';
import { endResidentSession, startResidentSession } from '../auth/resident-sessions';
import { verifyAgainstDecoy, verifySecret } from '../auth/secrets';
import { recordAudit } from '../common/audit';
import { LOCKED_BY_OFFICE_UNTIL } from '../residents/set-card-lock';
import { claimCardTry, forgiveCard, MAX_CARD_TRIES, MAX_PIN_TRIES } from './card-attempts';
import { kioskResident } from './kiosk-resident';

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
 * A resident identifies at a kiosk with card and PIN. A card that does not exist is counted and
 * answered exactly like a card with a wrong PIN (same tries left, same lock), so the kiosk never
 * tells which cards exist; only a card the office locked says so, and only after nothing else.
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

  const card = await db
    .selectFrom('residents')
    .select(['id', 'pin_hash', 'card_locked_until'])
    .where('community_id', '=', communityId)
    .where('card_number', '=', cardNumber)
    .executeTakeFirst();
  if (card?.card_locked_until && card.card_locked_until > new Date()) {
    await audit(db, 'kiosk.identify_refused_locked', card.id, {});
    throw lockedError(card.card_locked_until);
  }
  const attempt = await claimCardTry(db, { communityId, cardNumber, device: kiosk.kioskId });
  if (!attempt.mayCheck) {
    await audit(db, 'kiosk.identify_refused_locked', card?.id ?? null, card ? {} : { cardNumber });
    throw lockedError(attempt.lockedUntil ?? new Date());
  }
  const right = card ? await verifySecret(card.pin_hash, pin) : await verifyAgainstDecoy(pin);
  if (!card || !right) {
    await audit(db, 'kiosk.identify_failed', card?.id ?? null, {
      ...(card ? {} : { cardNumber }),
      knownCard: card !== undefined,
      tries: attempt.atDevice,
      locked: attempt.lockedUntil !== null,
    });
    if (attempt.lockedUntil) throw lockedError(attempt.lockedUntil);
    throw wrongPinError(
      Math.min(MAX_PIN_TRIES - attempt.atDevice, MAX_CARD_TRIES - attempt.overall),
    );
  }

  return db.transaction().execute(async (trx) => {
    await forgiveCard(trx, { communityId, cardNumber });
    const residentToken = await startResidentSession(trx, { kiosk, residentId: card.id });
    await audit(trx, 'kiosk.identify', card.id, {});
    const resident = await kioskResident(trx, { communityId, residentId: card.id });
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
