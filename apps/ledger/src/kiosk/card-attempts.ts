import type { Database } from '@tally/db/schema';
import { type Kysely, sql } from 'kysely';

/** Wrong PINs a card may have at one device before it locks there. */
export const MAX_PIN_TRIES = 5;
/** Wrong PINs a card may have across every device before it locks everywhere. */
export const MAX_CARD_TRIES = 15;
export const CARD_LOCK_MINUTES = 15;
/** The backstop's row: the card across every device. */
const EVERY_DEVICE = '*';

export type CardTry = {
  /** This try's number at the device (1 is the first since the last right PIN or lock). */
  atDevice: number;
  /** This try's number across every device. */
  overall: number;
  /** Set once the device's or the card's count is used up; the later of the two. */
  lockedUntil: Date | null;
  /** False when the card was already locked: the PIN must not even be checked. */
  mayCheck: boolean;
};

/**
 * Counts a try against a card before its PIN is checked, at this device and across every device,
 * in one statement of its own that commits even though the call may then fail. Counting first
 * means parallel guesses cannot outrun the lock: only tries numbered within the limits get their
 * PIN checked. Cards that exist and cards that do not are counted alike, so the answers cannot
 * tell them apart; counting per device means a guesser at one kiosk cannot lock the resident out
 * everywhere with five tries, while the card-wide backstop still stops guessing spread over many
 * devices. An expired lock, or a last try more than a day ago, starts the count afresh.
 */
export async function claimCardTry(
  db: Kysely<Database>,
  { communityId, cardNumber, device }: { communityId: string; cardNumber: string; device: string },
): Promise<CardTry> {
  const fresh = sql`(a.locked_until <= now() or a.last_attempt_at < now() - interval '1 day')`;
  const next = sql`case when ${fresh} then 1 else a.failures + 1 end`;
  const max = sql`case when a.device = ${EVERY_DEVICE} then ${MAX_CARD_TRIES}::int else ${MAX_PIN_TRIES}::int end`;
  const lock = sql`now() + make_interval(mins => ${CARD_LOCK_MINUTES}::int)`;
  const { rows } = await sql<{ device: string; failures: number; locked_until: Date | null }>`
    insert into card_attempts as a
      (community_id, card_number, device, failures, locked_until, last_attempt_at)
    values (${communityId}::uuid, ${cardNumber}, ${device}, 1, null, now()),
           (${communityId}::uuid, ${cardNumber}, ${EVERY_DEVICE}, 1, null, now())
    on conflict (community_id, card_number, device) do update set
      failures = ${next},
      locked_until = case
        when a.locked_until > now() then a.locked_until
        when ${next} >= ${max} then ${lock}
        else null end,
      last_attempt_at = now()
    returning a.device, a.failures, a.locked_until
  `.execute(db);
  const atDevice = rows.find((row) => row.device === device);
  const overall = rows.find((row) => row.device === EVERY_DEVICE);
  const locks = [atDevice?.locked_until, overall?.locked_until].filter(
    (until): until is Date => until instanceof Date,
  );
  return {
    atDevice: atDevice?.failures ?? 1,
    overall: overall?.failures ?? 1,
    lockedUntil: locks.length > 0 ? new Date(Math.max(...locks.map((d) => d.getTime()))) : null,
    mayCheck:
      (atDevice?.failures ?? 1) <= MAX_PIN_TRIES && (overall?.failures ?? 1) <= MAX_CARD_TRIES,
  };
}

/** A right PIN, an unlock or a new PIN from the office: the card's wrong tries are forgotten. */
export async function forgiveCard(
  db: Kysely<Database>,
  { communityId, cardNumber }: { communityId: string; cardNumber: string },
): Promise<void> {
  await db
    .deleteFrom('card_attempts')
    .where('community_id', '=', communityId)
    .where('card_number', '=', cardNumber)
    .execute();
}

/** The office unlocked the card or set a new PIN: its wrong tries everywhere are forgotten. */
export async function forgiveResidentCard(
  db: Kysely<Database>,
  { communityId, residentId }: { communityId: string; residentId: string },
): Promise<void> {
  await db
    .deleteFrom('card_attempts')
    .where('community_id', '=', communityId)
    .where('card_number', '=', (eb) =>
      eb
        .selectFrom('residents')
        .select('card_number')
        .where('community_id', '=', communityId)
        .where('id', '=', residentId),
    )
    .execute();
}
