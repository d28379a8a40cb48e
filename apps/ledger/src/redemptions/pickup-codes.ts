import { randomInt } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import { PICKUP_CODE_ALPHABET, PICKUP_CODE_LENGTH } from '@tally/domain/redemptions';
import type { Transaction } from 'kysely';

export function newPickupCode(): string {
  return Array.from(
    { length: PICKUP_CODE_LENGTH },
    () => PICKUP_CODE_ALPHABET[randomInt(PICKUP_CODE_ALPHABET.length)],
  ).join('');
}

type NewRedemption = {
  community_id: string;
  id: string;
  reward_id: string;
  resident_id: string;
  kiosk_id: string | null;
  quantity: number;
  points: number;
  transaction_id: string;
};

/**
 * Inserts a redemption under a fresh pickup code. A code already taken in the
 * community (about one in a billion per try) is skipped with ON CONFLICT DO
 * NOTHING, which, unlike a failed insert, leaves the transaction usable.
 */
export async function insertWithPickupCode(
  trx: Transaction<Database>,
  redemption: NewRedemption,
  { attempts = 8, codes = newPickupCode }: { attempts?: number; codes?: () => string } = {},
): Promise<string> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const pickupCode = codes();
    const inserted = await trx
      .insertInto('redemptions')
      .values({ ...redemption, pickup_code: pickupCode })
      .onConflict((oc) => oc.columns(['community_id', 'pickup_code']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return pickupCode;
  }
  throw new Error(`no free pickup code after ${attempts} attempts`);
}
