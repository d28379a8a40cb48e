import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { getAccount } from './accounts';
import { expectDomainError } from './expect-domain-error';
import { postTransaction } from './post-transaction';
import {
  givenCommunity,
  givenResidentPoints,
  newKey,
  officeActor,
  transfer,
} from './test-factories';

async function journalSize(db: Parameters<typeof postTransaction>[0], communityId: string) {
  const row = await db
    .selectFrom('ledger_transactions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', communityId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describeEachDatabase('posting transactions', (database) => {
  describe('balance', () => {
    it('posts a balanced transfer and moves both balances', async () => {
      const { db } = database();
      const community = await givenCommunity(db);
      const alice = await givenResidentPoints(db, community, 100);
      const bob = await givenResidentPoints(db, community);

      const posted = await postTransaction(
        db,
        transfer(community, { from: alice.id, to: bob.id, points: 40 }),
      );

      expect(posted.replayed).toBe(false);
      expect(posted.sequence).toBe(2); // after the opening balance
      expect(posted.hash).toMatch(/^[0-9a-f]{64}$/);
      expect((await getAccount(db, community.communityId, alice.id)).balance).toBe(60);
      expect((await getAccount(db, community.communityId, bob.id)).balance).toBe(40);
    });

    it('refuses postings that do not sum to zero and writes nothing', async () => {
      const { db } = database();
      const community = await givenCommunity(db);
      const alice = await givenResidentPoints(db, community, 100);
      const bob = await givenResidentPoints(db, community);
      const before = await journalSize(db, community.communityId);

      await expectDomainError(
        postTransaction(db, {
          ...transfer(community, { from: alice.id, to: bob.id, points: 10 }),
          postings: [
            { accountId: alice.id, amount: -10 },
            { accountId: bob.id, amount: 9 },
          ],
        }),
        'UNBALANCED_TRANSACTION',
      );

      expect(await journalSize(db, community.communityId)).toBe(before);
      expect((await getAccount(db, community.communityId, alice.id)).balance).toBe(100);
      expect((await getAccount(db, community.communityId, bob.id)).balance).toBe(0);
    });

    it('refuses postings that balance in total but not per unit', async () => {
      const { db } = database();
      const community = await givenCommunity(db);
      const alice = await givenResidentPoints(db, community, 100);

      await expectDomainError(
        postTransaction(db, {
          ...transfer(community, { from: alice.id, to: community.minutesSource.id, points: 10 }),
        }),
        'UNBALANCED_TRANSACTION',
      );
      expect((await getAccount(db, community.communityId, alice.id)).balance).toBe(100);
    });

    it('refuses a posting to an account of another community', async () => {
      const { db } = database();
      const ours = await givenCommunity(db);
      const theirs = await givenCommunity(db);
      const alice = await givenResidentPoints(db, ours, 100);
      const stranger = await givenResidentPoints(db, theirs);

      await expectDomainError(
        postTransaction(db, transfer(ours, { from: alice.id, to: stranger.id, points: 10 })),
        'NOT_FOUND',
      );
      expect((await getAccount(db, ours.communityId, alice.id)).balance).toBe(100);
    });

    it('refuses a zero amount and a one-sided transaction before touching the database', async () => {
      const { db } = database();
      const community = await givenCommunity(db);
      const alice = await givenResidentPoints(db, community, 100);

      await expectDomainError(
        postTransaction(db, transfer(community, { from: alice.id, to: alice.id, points: 0 })),
        'VALIDATION_FAILED',
      );
      await expectDomainError(
        postTransaction(db, {
          ...transfer(community, { from: alice.id, to: alice.id, points: 1 }),
          postings: [{ accountId: alice.id, amount: 1 }],
        }),
        'VALIDATION_FAILED',
      );
    });
  });

  describe('overdraft', () => {
    it('refuses a debit that would take a resident below zero and leaves nothing written', async () => {
      const { db } = database();
      const community = await givenCommunity(db);
      const alice = await givenResidentPoints(db, community, 30);
      const bob = await givenResidentPoints(db, community);
      const before = await journalSize(db, community.communityId);

      await expectDomainError(
        postTransaction(db, transfer(community, { from: alice.id, to: bob.id, points: 31 })),
        'INSUFFICIENT_POINTS',
      );

      expect(await journalSize(db, community.communityId)).toBe(before);
      expect((await getAccount(db, community.communityId, alice.id)).balance).toBe(30);
      expect((await getAccount(db, community.communityId, bob.id)).balance).toBe(0);
    });

    it('lets a resident spend exactly down to zero', async () => {
      const { db } = database();
      const community = await givenCommunity(db);
      const alice = await givenResidentPoints(db, community, 30);
      const bob = await givenResidentPoints(db, community);

      await postTransaction(db, transfer(community, { from: alice.id, to: bob.id, points: 30 }));
      expect((await getAccount(db, community.communityId, alice.id)).balance).toBe(0);
    });
  });

  describe('exactly once', () => {
    it('returns the first result for a replayed request and posts nothing new', async () => {
      const { db } = database();
      const community = await givenCommunity(db);
      const alice = await givenResidentPoints(db, community, 100);
      const bob = await givenResidentPoints(db, community);
      const request = transfer(community, { from: alice.id, to: bob.id, points: 25 });

      const first = await postTransaction(db, request);
      const again = await postTransaction(db, request);

      expect(again).toEqual({ ...first, replayed: true });
      expect((await getAccount(db, community.communityId, alice.id)).balance).toBe(75);
      expect((await getAccount(db, community.communityId, bob.id)).balance).toBe(25);
    });

    it('refuses the same key with a different request', async () => {
      const { db } = database();
      const community = await givenCommunity(db);
      const alice = await givenResidentPoints(db, community, 100);
      const bob = await givenResidentPoints(db, community);
      const key = newKey();

      await postTransaction(
        db,
        transfer(community, { from: alice.id, to: bob.id, points: 25, key }),
      );
      await expectDomainError(
        postTransaction(db, transfer(community, { from: alice.id, to: bob.id, points: 26, key })),
        'IDEMPOTENCY_CONFLICT',
      );
      expect((await getAccount(db, community.communityId, alice.id)).balance).toBe(75);
    });

    it('scopes idempotency keys to the community', async () => {
      const { db } = database();
      const one = await givenCommunity(db);
      const two = await givenCommunity(db);
      const a1 = await givenResidentPoints(db, one, 10);
      const b1 = await givenResidentPoints(db, one);
      const a2 = await givenResidentPoints(db, two, 10);
      const b2 = await givenResidentPoints(db, two);
      const key = newKey();

      const first = await postTransaction(
        db,
        transfer(one, { from: a1.id, to: b1.id, points: 5, key }),
      );
      const second = await postTransaction(
        db,
        transfer(two, { from: a2.id, to: b2.id, points: 5, key }),
      );

      expect(second.replayed).toBe(false);
      expect(second.id).not.toBe(first.id);
    });

    it('records the actor and where the request came from', async () => {
      const { db } = database();
      const community = await givenCommunity(db);
      const alice = await givenResidentPoints(db, community, 10);
      const bob = await givenResidentPoints(db, community);

      const posted = await postTransaction(db, {
        ...transfer(community, { from: alice.id, to: bob.id, points: 5 }),
        actor: { ...officeActor, origin: '10.0.0.7' },
      });
      const row = await db
        .selectFrom('ledger_transactions')
        .select(['actor_type', 'actor_id', 'actor_origin'])
        .where('community_id', '=', community.communityId)
        .where('id', '=', posted.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ actor_type: 'staff', actor_id: 'office-1', actor_origin: '10.0.0.7' });
    });
  });
});
