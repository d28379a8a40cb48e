import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import type { TestDatabase } from '@tally/db/testing';
import type { LocalizedText } from '@tally/domain/localized-text';
import type { RewardKind } from '@tally/domain/rewards';
import type { Kysely } from 'kysely';
import { hashSecret, hashToken, newToken } from '../auth/secrets';
import { communityAccounts } from '../communities/create-community';
import { postTransaction } from '../ledger/post-transaction';
import { createResident } from '../residents/create-resident';
import {
  type ApiClient,
  apiClient,
  givenCommunityWithStaff,
  newIdempotencyKey,
  type TestServer,
} from '../test/api';

// Factories for the kiosk, rewards, goals and redemptions tests. Kiosks are
// inserted directly (kiosks.register is another area's), residents get their
// points from the community source as an opening adjustment.

export const TEST_PIN = '2468';
let pinHash: Promise<string> | undefined;

export async function givenKiosk(
  server: Pick<TestServer, 'url'>,
  db: Kysely<Database>,
  communityId: string,
) {
  const token = newToken('kioskDevice');
  const id = randomUUID();
  await db
    .insertInto('kiosks')
    .values({
      community_id: communityId,
      id,
      name: `Kiosk ${id.slice(0, 4)}`,
      token_hash: hashToken(token),
    })
    .execute();
  return {
    id,
    token,
    api: apiClient(server.url, { token }),
    /** The kiosk's client speaking for an identified resident. */
    asResident: (residentToken: string) => apiClient(server.url, { token, residentToken }),
  };
}

export type TestKiosk = Awaited<ReturnType<typeof givenKiosk>>;

export async function givenResident(
  db: Kysely<Database>,
  communityId: string,
  {
    points = 0,
    showName = false,
    displayName,
    cardNumber = `C${randomUUID().slice(0, 8).toUpperCase()}`,
  }: { points?: number; showName?: boolean; displayName?: string; cardNumber?: string } = {},
) {
  pinHash ??= hashSecret(TEST_PIN);
  const resident = await createResident(
    db,
    {
      communityId,
      name: `Resident ${cardNumber}`,
      displayName: displayName ?? `Res ${cardNumber.slice(1, 5)}`,
      cardNumber,
      pin: TEST_PIN,
      showName,
    },
    { pinHash: await pinHash },
  );
  if (points > 0) await givePoints(db, communityId, resident.pointsAccountId, points);
  return resident;
}

export async function givePoints(
  db: Kysely<Database>,
  communityId: string,
  accountId: string,
  points: number,
) {
  const { pointsSource } = await communityAccounts(db, communityId);
  await postTransaction(db, {
    communityId,
    idempotencyKey: newIdempotencyKey(),
    kind: 'adjustment',
    actor: { type: 'system', id: 'test' },
    memo: 'Opening balance',
    postings: [
      { accountId: pointsSource, amount: -points },
      { accountId, amount: points },
    ],
  });
}

/** Identifies the resident at the kiosk and returns the kiosk's client speaking for them. */
export async function identify(
  kiosk: TestKiosk,
  resident: { cardNumber: string },
): Promise<{ api: ApiClient; residentToken: string }> {
  const { residentToken } = await kiosk.api.kiosk.identify.mutate({
    cardNumber: resident.cardNumber,
    pin: TEST_PIN,
  });
  return { api: kiosk.asResident(residentToken), residentToken };
}

export function givenReward(
  office: ApiClient,
  {
    name,
    ...overrides
  }: Partial<{
    /** A string is the English name (the Chinese one left empty). */
    name: string | LocalizedText;
    points: number;
    stock: number;
    perResidentLimit: number | null;
    active: boolean;
    kind: RewardKind;
  }> = {},
) {
  return office.rewards.create.mutate({
    idempotencyKey: newIdempotencyKey(),
    name:
      typeof name === 'object'
        ? name
        : { zh: '', en: name ?? `Reward ${randomUUID().slice(0, 6)}` },
    points: 10,
    stock: 5,
    active: true,
    ...overrides,
  });
}

export function givenGoal(office: ApiClient, targetPoints = 100) {
  return office.goals.create.mutate({
    idempotencyKey: newIdempotencyKey(),
    title: { zh: '', en: `Goal ${randomUUID().slice(0, 6)}` },
    targetPoints,
  });
}

/**
 * A community with staff, a kiosk, and one resident holding `points`,
 * identified at the kiosk.
 */
export async function givenIdentifiedResident(
  server: TestServer,
  database: TestDatabase,
  { points = 100 }: { points?: number } = {},
) {
  const community = await givenCommunityWithStaff(server, database);
  const kiosk = await givenKiosk(server, database.db, community.communityId);
  const resident = await givenResident(database.db, community.communityId, { points });
  const { api, residentToken } = await identify(kiosk, resident);
  return { ...community, kiosk, resident, residentApi: api, residentToken };
}

export async function pointsOf(db: Kysely<Database>, communityId: string, accountId: string) {
  const row = await db
    .selectFrom('ledger_accounts')
    .select('balance')
    .where('community_id', '=', communityId)
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  return row.balance;
}

export async function stockOf(db: Kysely<Database>, communityId: string, rewardId: string) {
  const row = await db
    .selectFrom('rewards')
    .select('stock')
    .where('community_id', '=', communityId)
    .where('id', '=', rewardId)
    .executeTakeFirstOrThrow();
  return row.stock;
}
