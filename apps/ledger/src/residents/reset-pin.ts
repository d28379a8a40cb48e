import type { Database } from '@tally/db/schema';
import type { ResidentDetail } from '@tally/domain/residents';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { hashSecret } from '../auth/secrets';
import { forgiveResidentCard } from '../kiosk/card-attempts';
import { changeResident } from './change-resident';
import { endCardSessions } from './set-card-lock';

/**
 * The office sets a new PIN (a resident forgot theirs, or it was seen) and
 * unlocks the card, ending any kiosk session opened with the old PIN. As at card issue, the PIN is hashed before the
 * transaction and kept out of the request fingerprint and the audit log.
 */
export async function resetPin(
  db: Kysely<Database>,
  {
    staff,
    origin,
    idempotencyKey,
    id,
    pin,
  }: { staff: StaffActor; origin: string; idempotencyKey: string; id: string; pin: string },
): Promise<ResidentDetail> {
  const pinHash = await hashSecret(pin);
  return changeResident(db, {
    staff,
    origin,
    idempotencyKey,
    operation: 'residents.resetPin',
    request: { id },
    residentId: id,
    changes: { pin_hash: pinHash, pin_failures: 0, card_locked_until: null },
    details: {},
    afterChange: async (trx) => {
      await endCardSessions(trx, { communityId: staff.communityId, residentId: id });
      await forgiveResidentCard(trx, { communityId: staff.communityId, residentId: id });
    },
  });
}
