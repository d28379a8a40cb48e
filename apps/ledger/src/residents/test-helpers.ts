import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import type { Kysely } from 'kysely';
import { hashSecret } from '../auth/secrets';
import { communityAccounts } from '../communities/create-community';
import { postTransaction } from '../ledger/post-transaction';
import { addMember, createOrganization } from '../organizations/create-organization';
import { type CreatedResident, createResident } from './create-resident';

// Small builders for the residents, organizations, staff and kiosks tests.

export const TEST_PIN = '1234';
let testPinHash: Promise<string> | undefined;

/** A unique card number; tests in one file share a database. */
export function newCardNumber(prefix = 'T'): string {
  return `${prefix}${randomUUID().slice(0, 8)}`;
}

/** A resident with PIN 1234 (hashed once per file: argon2 is deliberately slow). */
export async function givenResident(
  db: Kysely<Database>,
  communityId: string,
  details: { name?: string; displayName?: string; cardNumber?: string; building?: string } = {},
): Promise<CreatedResident> {
  testPinHash ??= hashSecret(TEST_PIN);
  return createResident(
    db,
    {
      communityId,
      name: details.name ?? `Resident ${randomUUID().slice(0, 6)}`,
      displayName: details.displayName,
      building: details.building,
      cardNumber: details.cardNumber ?? newCardNumber(),
      pin: TEST_PIN,
    },
    { pinHash: await testPinHash },
  );
}

export async function givenOrganization(
  db: Kysely<Database>,
  communityId: string,
  { members = [] }: { members?: { id: string }[] } = {},
) {
  const organization = await createOrganization(db, {
    communityId,
    name: { zh: '', en: `Team ${randomUUID().slice(0, 8)}` },
  });
  for (const member of members) {
    await addMember(db, { communityId, organizationId: organization.id, residentId: member.id });
  }
  return organization;
}

/** Credits a resident as approved service would: minutes and points from the community. */
export async function givenCredit(
  db: Kysely<Database>,
  communityId: string,
  resident: CreatedResident,
  { points, minutes }: { points: number; minutes: number },
) {
  const accounts = await communityAccounts(db, communityId);
  await postTransaction(db, {
    communityId,
    idempotencyKey: `credit-${randomUUID()}`,
    kind: 'service_credit',
    actor: { type: 'system', id: 'test' },
    memo: 'test credit',
    postings: [
      { accountId: accounts.pointsSource, amount: -points },
      { accountId: resident.pointsAccountId, amount: points },
      { accountId: accounts.minutesSource, amount: -minutes },
      { accountId: resident.minutesAccountId, amount: minutes },
    ],
  });
}

export async function auditActions(db: Kysely<Database>, communityId: string) {
  return db
    .selectFrom('audit_log')
    .select(['action', 'actor_id', 'target_id', 'details', 'origin'])
    .where('community_id', '=', communityId)
    .where('action', 'not like', 'auth.%')
    .orderBy('id')
    .execute();
}
