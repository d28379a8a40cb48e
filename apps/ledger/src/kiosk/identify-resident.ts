import type { Database } from '@tally/db/schema';
import type { AuditAction } from '@tally/domain/audit';
import { DomainError } from '@tally/domain/errors';
import type { KioskResident } from '@tally/domain/kiosk';
import { type Kysely, sql } from 'kysely';
import type { KioskActor, ResidentSession } from '../auth/actors';
import { endResidentSession, startResidentSession } from '../auth/resident-sessions';
import { verifyAgainstDecoy, verifySecret } from '../auth/secrets';
import { recordAudit } from '../common/audit';
import { LOCKED_BY_OFFICE_UNTIL } from '../residents/set-card-lock';
import { claimCardTry, forgiveCard, MAX_CARD_TRIES, MAX_PIN_TRIES } from './card-attempts';
import { kioskResident } from './kiosk-resident';

export function lockedError(lockedUntil: Date): DomainError {
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

/** Says "card number or PIN": a wrong card must never read as a wrong PIN, nor tell which. */
function wrongPinError(triesLeft: number): DomainError {
  return new DomainError(
    'WRONG_PIN',
    `The card number or PIN is not right; please check the card number. ${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left.`,
    { triesLeft },
  );
}

export type Card = {
  id: string;
  card_number: string;
  pin_hash: string;
  card_locked_until: Date | null;
};

/**
 * The card typed. Residents often type only the digits printed on their card ("0007" for
 * Q0007): when digits alone match no card, the one card of the community whose number is
 * letters followed by exactly those digits is meant. Two such cards (Q0007 and R0007) are
 * ambiguous and match neither, so the typed number counts as an unknown card. The card of a
 * resident who moved to another community is unknown here.
 */
export async function findCard(
  db: Kysely<Database>,
  { communityId, typed }: { communityId: string; typed: string },
): Promise<Card | undefined> {
  const cards = db
    .selectFrom('residents')
    .select(['id', 'card_number', 'pin_hash', 'card_locked_until'])
    .where('community_id', '=', communityId)
    // A resident who moved house carries a new card in their new community; this one stops.
    .where('moved_at', 'is', null);
  const exact = await cards.where('card_number', '=', typed).executeTakeFirst();
  if (exact || !/^\d+$/.test(typed)) return exact;
  const meant = await cards
    .where(sql<boolean>`card_number ~ ${`^[A-Za-z]+${typed}$`}`)
    .limit(2)
    .execute();
  return meant.length === 1 ? meant[0] : undefined;
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
  const card = await checkCardAndPin(db, { kiosk, origin, cardNumber, pin });
  return db.transaction().execute(async (trx) => {
    const residentToken = await startResidentSession(trx, { kiosk, residentId: card.id });
    await kioskAudit(trx, { kiosk, origin }, 'kiosk.identify', card.id, {});
    const resident = await kioskResident(trx, { communityId, residentId: card.id });
    return { residentToken, resident };
  });
}

/**
 * Checks a card and its PIN typed at a kiosk under the lockout rules: wrong tries are counted
 * (and audited) before the PIN is checked, and a right PIN forgives the card's wrong tries.
 * Answers the card; anything else throws WRONG_PIN or PIN_LOCKED.
 */
export async function checkCardAndPin(
  db: Kysely<Database>,
  {
    kiosk,
    origin,
    cardNumber,
    pin,
  }: { kiosk: KioskActor; origin: string; cardNumber: string; pin: string },
): Promise<Card> {
  const { communityId } = kiosk;
  const card = await findCard(db, { communityId, typed: cardNumber });
  await checkPinUnderLockout(db, {
    communityId,
    device: kiosk.kioskId,
    // Tries count against the card meant, however it was typed, so "0007" and "Q0007" share
    // one count and one lock.
    counted: card?.card_number ?? cardNumber,
    holder: card
      ? { id: card.id, pinHash: card.pin_hash, lockedUntil: card.card_locked_until }
      : undefined,
    typed: { cardNumber },
    pin,
    audit: kioskAudit.bind(null, db, { kiosk, origin }),
    actions: { failed: 'kiosk.identify_failed', refused: 'kiosk.identify_refused_locked' },
  });
  if (!card) throw new Error('unreachable: an unknown card never passes the PIN check');
  return card;
}

/** Whose PIN is checked: a resident's card, or a family member's phone number. */
export type PinHolder = { id: string; pinHash: string; lockedUntil: Date | null };

/**
 * Checks a PIN under the lockout rules, wherever it is typed (a kiosk, a phone): wrong tries are
 * counted (and audited) against `counted` at `device` before the PIN is checked, and a right PIN
 * forgives them. A holder that does not exist is counted and answered exactly like a wrong PIN.
 * Returns when the PIN is right; anything else throws WRONG_PIN or PIN_LOCKED.
 */
export async function checkPinUnderLockout(
  db: Kysely<Database>,
  {
    communityId,
    device,
    counted,
    holder,
    typed,
    pin,
    audit,
    actions,
  }: {
    communityId: string;
    device: string;
    counted: string;
    holder: PinHolder | undefined;
    /** What was typed, noted in the audit entry when it named no one. */
    typed: Record<string, string>;
    pin: string;
    audit: (
      action: AuditAction,
      holderId: string | null,
      details: Record<string, unknown>,
    ) => Promise<void>;
    actions: { failed: AuditAction; refused: AuditAction };
  },
): Promise<void> {
  if (holder?.lockedUntil && holder.lockedUntil > new Date()) {
    await audit(actions.refused, holder.id, {});
    throw lockedError(holder.lockedUntil);
  }
  const attempt = await claimCardTry(db, { communityId, cardNumber: counted, device });
  if (!attempt.mayCheck) {
    await audit(actions.refused, holder?.id ?? null, holder ? {} : typed);
    throw lockedError(attempt.lockedUntil ?? new Date());
  }
  const right = holder ? await verifySecret(holder.pinHash, pin) : await verifyAgainstDecoy(pin);
  if (!holder || !right) {
    await audit(actions.failed, holder?.id ?? null, {
      ...(holder ? {} : typed),
      knownCard: holder !== undefined,
      tries: attempt.atDevice,
      locked: attempt.lockedUntil !== null,
    });
    if (attempt.lockedUntil) throw lockedError(attempt.lockedUntil);
    throw wrongPinError(
      Math.min(MAX_PIN_TRIES - attempt.atDevice, MAX_CARD_TRIES - attempt.overall),
    );
  }
  await forgiveCard(db, { communityId, cardNumber: counted });
}

function kioskAudit(
  executor: Kysely<Database>,
  { kiosk, origin }: { kiosk: KioskActor; origin: string },
  action: AuditAction,
  residentId: string | null,
  details: Record<string, unknown>,
) {
  return recordAudit(executor, {
    communityId: kiosk.communityId,
    actor: { type: 'kiosk', id: kiosk.kioskId },
    action,
    ...(residentId ? { target: { type: 'resident', id: residentId } } : {}),
    origin,
    details,
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
