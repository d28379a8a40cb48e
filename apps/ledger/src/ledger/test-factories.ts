import { randomUUID } from 'node:crypto';
import type { Account, Actor } from '@tally/domain/ledger';
import { openAccount } from './accounts';
import { createCommunity } from './communities';
import type { Executor } from './executor';
import { postTransaction } from './post-transaction';

// Small builders for ledger tests: a community with a points source, residents with accounts.

export const officeActor: Actor = { type: 'staff', id: 'office-1', origin: '127.0.0.1' };

export function newKey(): string {
  return `test-${randomUUID()}`;
}

export async function givenCommunity(db: Executor) {
  const community = await createCommunity(db, {
    name: { zh: '', en: `Community ${randomUUID().slice(0, 8)}` },
  });
  const pointsSource = await openAccount(db, {
    communityId: community.id,
    unit: 'points',
    ownerType: 'community_source',
    minBalance: null,
  });
  const minutesSource = await openAccount(db, {
    communityId: community.id,
    unit: 'minutes',
    ownerType: 'community_source',
    minBalance: null,
  });
  return { communityId: community.id, pointsSource, minutesSource };
}

export type GivenCommunity = Awaited<ReturnType<typeof givenCommunity>>;

/** A resident's points account that may never go below zero, funded from the community source. */
export async function givenResidentPoints(
  db: Executor,
  community: GivenCommunity,
  points = 0,
): Promise<Account> {
  const account = await openAccount(db, {
    communityId: community.communityId,
    unit: 'points',
    ownerType: 'resident',
    ownerId: randomUUID(),
    minBalance: 0,
  });
  if (points > 0) await credit(db, community, account.id, points);
  return account;
}

export async function credit(
  db: Executor,
  community: GivenCommunity,
  accountId: string,
  points: number,
) {
  return postTransaction(db, {
    communityId: community.communityId,
    idempotencyKey: newKey(),
    kind: 'adjustment',
    actor: officeActor,
    memo: 'opening balance',
    postings: [
      { accountId: community.pointsSource.id, amount: -points },
      { accountId, amount: points },
    ],
  });
}

export function transfer(
  community: GivenCommunity,
  { from, to, points, key = newKey() }: { from: string; to: string; points: number; key?: string },
) {
  return {
    communityId: community.communityId,
    idempotencyKey: key,
    kind: 'transfer' as const,
    actor: officeActor,
    memo: 'transfer',
    postings: [
      { accountId: from, amount: -points },
      { accountId: to, amount: points },
    ],
  };
}

/** A community with ten transactions: 3 opening balances of 100 points, then 7 transfers among them. */
export async function givenBusyLedger(db: Executor) {
  const community = await givenCommunity(db);
  const residents = [
    await givenResidentPoints(db, community, 100),
    await givenResidentPoints(db, community, 100),
    await givenResidentPoints(db, community, 100),
  ];
  for (let i = 0; i < 7; i++) {
    const from = residents[i % 3]?.id ?? '';
    const to = residents[(i + 1) % 3]?.id ?? '';
    await postTransaction(db, transfer(community, { from, to, points: i + 1 }));
  }
  return { db, community, communityId: community.communityId, residents };
}
