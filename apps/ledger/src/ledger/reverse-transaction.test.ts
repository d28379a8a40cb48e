import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { getAccount } from './accounts';
import { expectDomainError } from './expect-domain-error';
import { postTransaction } from './post-transaction';
import { getTransaction } from './read-transactions';
import { reverseTransaction } from './reverse-transaction';
import {
  givenCommunity,
  givenResidentPoints,
  newKey,
  officeActor,
  transfer,
} from './test-factories';

describeEachDatabase('reversing transactions', (database) => {
  describe('reversal', () => {
    it('posts the negated postings, points at the original and restores the balances', async () => {
      const { db } = database();
      const community = await givenCommunity(db);
      const alice = await givenResidentPoints(db, community, 50);
      const bob = await givenResidentPoints(db, community);
      const original = await postTransaction(
        db,
        transfer(community, { from: alice.id, to: bob.id, points: 20 }),
      );

      const reversal = await reverseTransaction(db, {
        communityId: community.communityId,
        idempotencyKey: newKey(),
        transactionId: original.id,
        actor: officeActor,
        reason: 'logged against the wrong resident',
      });

      const stored = await getTransaction(db, community.communityId, reversal.id);
      expect(stored?.kind).toBe('reversal');
      expect(stored?.reverses).toBe(original.id);
      expect(stored?.memo).toBe('logged against the wrong resident');
      expect(stored?.postings).toEqual([
        { accountId: alice.id, unit: 'points', amount: 20 },
        { accountId: bob.id, unit: 'points', amount: -20 },
      ]);
      expect((await getAccount(db, community.communityId, alice.id)).balance).toBe(50);
      expect((await getAccount(db, community.communityId, bob.id)).balance).toBe(0);
    });

    it('refuses to reverse the same transaction twice', async () => {
      const { db } = database();
      const community = await givenCommunity(db);
      const alice = await givenResidentPoints(db, community, 50);
      const bob = await givenResidentPoints(db, community);
      const original = await postTransaction(
        db,
        transfer(community, { from: alice.id, to: bob.id, points: 20 }),
      );
      const reverse = () =>
        reverseTransaction(db, {
          communityId: community.communityId,
          idempotencyKey: newKey(),
          transactionId: original.id,
          actor: officeActor,
          reason: 'mistake',
        });

      await reverse();
      await expectDomainError(reverse(), 'ALREADY_REVERSED');
      expect((await getAccount(db, community.communityId, alice.id)).balance).toBe(50);
    });

    it('answers a retried reversal with the first result', async () => {
      const { db } = database();
      const community = await givenCommunity(db);
      const alice = await givenResidentPoints(db, community, 50);
      const bob = await givenResidentPoints(db, community);
      const original = await postTransaction(
        db,
        transfer(community, { from: alice.id, to: bob.id, points: 20 }),
      );
      const request = {
        communityId: community.communityId,
        idempotencyKey: newKey(),
        transactionId: original.id,
        actor: officeActor,
        reason: 'mistake',
      };

      const first = await reverseTransaction(db, request);
      const again = await reverseTransaction(db, request);
      expect(again).toEqual({ ...first, replayed: true });
    });

    it('refuses a reversal that would overdraw the resident who already spent the points', async () => {
      const { db } = database();
      const community = await givenCommunity(db);
      const alice = await givenResidentPoints(db, community, 50);
      const bob = await givenResidentPoints(db, community);
      const carol = await givenResidentPoints(db, community);
      const original = await postTransaction(
        db,
        transfer(community, { from: alice.id, to: bob.id, points: 20 }),
      );
      await postTransaction(db, transfer(community, { from: bob.id, to: carol.id, points: 15 }));

      await expectDomainError(
        reverseTransaction(db, {
          communityId: community.communityId,
          idempotencyKey: newKey(),
          transactionId: original.id,
          actor: officeActor,
          reason: 'mistake',
        }),
        'INSUFFICIENT_POINTS',
      );
      expect((await getAccount(db, community.communityId, bob.id)).balance).toBe(5);
    });

    it('refuses to reverse a transaction of another community', async () => {
      const { db } = database();
      const ours = await givenCommunity(db);
      const theirs = await givenCommunity(db);
      const alice = await givenResidentPoints(db, theirs, 50);
      const bob = await givenResidentPoints(db, theirs);
      const theirTransfer = await postTransaction(
        db,
        transfer(theirs, { from: alice.id, to: bob.id, points: 20 }),
      );

      await expectDomainError(
        reverseTransaction(db, {
          communityId: ours.communityId,
          idempotencyKey: newKey(),
          transactionId: theirTransfer.id,
          actor: officeActor,
          reason: 'not ours',
        }),
        'NOT_FOUND',
      );
    });
  });
});
