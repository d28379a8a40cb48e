import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { CreateResidentInput, ResidentDetail } from '@tally/domain/residents';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { hashSecret } from '../auth/secrets';
import { runStaffWrite } from '../common/use-case';
import { createResident } from './create-resident';
import { getResident } from './get-resident';
import { uniqueViolationAs } from './unique-violation';

/**
 * The office issues a member card: the resident, their PIN and their two
 * accounts, audited, exactly once. The PIN is hashed before the transaction
 * (argon2 is slow) and left out of the request fingerprint: a 4-digit PIN
 * inside a fast SHA-256 would be trivial to recover from the idempotency
 * table. A retry with the same key and another PIN therefore returns the
 * first result.
 */
export async function registerResident(
  db: Kysely<Database>,
  {
    staff,
    origin,
    input: { idempotencyKey, pin, ...details },
  }: { staff: StaffActor; origin: string; input: CreateResidentInput },
): Promise<ResidentDetail> {
  const { communityId } = staff;
  const pinHash = await hashSecret(pin);
  return uniqueViolationAs(
    'residents_community_id_card_number_key',
    () => new DomainError('DUPLICATE', 'A resident already holds that card number.'),
    () =>
      runStaffWrite(
        db,
        { staff, origin, operation: 'residents.create', key: idempotencyKey, request: details },
        async (trx) => {
          const created = await createResident(trx, { ...details, communityId, pin }, { pinHash });
          return {
            result: await getResident(trx, staff, created.id),
            audit: {
              target: { type: 'resident', id: created.id },
              details: { cardNumber: created.cardNumber },
            },
          };
        },
      ),
  );
}
