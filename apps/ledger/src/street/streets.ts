import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import type { LocalizedText } from '@tally/domain/localized-text';
import type { StaffUser } from '@tally/domain/staff';
import type { Kysely } from 'kysely';
import { createStaffUser } from '../staff/create-staff-user';

type Db = Kysely<Database>;

/** A street, holding the communities given (the command line and the demo make streets). */
export async function createStreet(
  db: Db,
  { name, communityIds = [] }: { name: LocalizedText; communityIds?: string[] },
): Promise<{ id: string; name: LocalizedText }> {
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('streets').values({ id, name_zh: name.zh, name_en: name.en }).execute();
    if (communityIds.length > 0) {
      await trx
        .updateTable('communities')
        .set({ street_id: id })
        .where('id', 'in', communityIds)
        .execute();
    }
  });
  return { id, name };
}

/**
 * A street office account. Like every staff account it is kept in one community (`homeCommunityId`,
 * one of the street's), where its password, sessions and sign-in tries live.
 */
export function createStreetAccount(
  db: Db,
  input: {
    streetId: string;
    homeCommunityId: string;
    username: string;
    password: string;
    displayName: string;
  },
  options: { passwordHash?: string } = {},
): Promise<StaffUser> {
  return createStaffUser(
    db,
    {
      communityId: input.homeCommunityId,
      username: input.username,
      password: input.password,
      displayName: input.displayName,
      role: 'street',
      streetId: input.streetId,
    },
    options,
  );
}
