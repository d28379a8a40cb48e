import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { Kysely } from 'kysely';
import { hashSecret } from '../auth/secrets';
import { openAccount } from '../ledger/accounts';
import { inTransaction } from '../ledger/executor';

export type NewResident = {
  communityId: string;
  /** Chosen by the caller when the id must be known beforehand (a resident moving in). */
  id?: string | undefined;
  name: string;
  displayName?: string | undefined;
  birthYear?: number | undefined;
  building?: string | undefined;
  cardNumber: string;
  pin: string;
  showName?: boolean | undefined;
};

export type CreatedResident = {
  id: string;
  name: string;
  displayName: string;
  cardNumber: string;
  pointsAccountId: string;
  minutesAccountId: string;
};

/**
 * Issues a member card: the resident, their PIN (argon2, hashed before the
 * transaction so the lock is short), and their points and minutes accounts,
 * which may never go below zero.
 */
export async function createResident(
  db: Kysely<Database>,
  input: NewResident,
  { pinHash }: { pinHash?: string } = {},
): Promise<CreatedResident> {
  const hash = pinHash ?? (await hashSecret(input.pin));
  const id = input.id ?? randomUUID();
  return inTransaction(db, async (trx) => {
    const taken = await trx
      .selectFrom('residents')
      .select('id')
      .where('community_id', '=', input.communityId)
      .where('card_number', '=', input.cardNumber)
      .executeTakeFirst();
    if (taken) throw new DomainError('DUPLICATE', 'A resident already holds that card number.');
    const owner = {
      communityId: input.communityId,
      ownerType: 'resident' as const,
      ownerId: id,
      minBalance: 0,
    };
    const points = await openAccount(trx, { ...owner, unit: 'points' });
    const minutes = await openAccount(trx, { ...owner, unit: 'minutes' });
    const displayName = input.displayName ?? input.name;
    await trx
      .insertInto('residents')
      .values({
        community_id: input.communityId,
        id,
        name: input.name,
        display_name: displayName,
        show_name: input.showName ?? false,
        birth_year: input.birthYear ?? null,
        building: input.building ?? null,
        card_number: input.cardNumber,
        pin_hash: hash,
        points_account_id: points.id,
        minutes_account_id: minutes.id,
      })
      .execute();
    return {
      id,
      name: input.name,
      displayName,
      cardNumber: input.cardNumber,
      pointsAccountId: points.id,
      minutesAccountId: minutes.id,
    };
  });
}
