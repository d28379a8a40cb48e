import { describeEachDatabase } from '@tally/db/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Executor } from './executor';
import { givenBusyLedger as givenBusy, givenCommunity } from './test-factories';
import { tamper } from './test-tampering';
import { verifyLedger } from './verify-ledger';

describeEachDatabase('verifying the ledger', (database) => {
  const givenBusyLedger = () => givenBusy(database().db);

  async function transactionAt(db: Executor, communityId: string, sequence: number) {
    const row = await db
      .selectFrom('ledger_transactions')
      .select('id')
      .where('community_id', '=', communityId)
      .where('sequence', '=', sequence)
      .executeTakeFirstOrThrow();
    return row.id as string;
  }

  describe('an untouched ledger', () => {
    it('verifies every transaction and balance', async () => {
      const { db, communityId } = await givenBusyLedger();
      const result = await verifyLedger(db, communityId);
      expect(result).toMatchObject({
        ok: true,
        transactions: 10,
        firstBrokenSequence: null,
        mismatchedAccounts: [],
      });
      expect(result.headHash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('reports progress batch by batch', async () => {
      const { db, communityId } = await givenBusyLedger();
      const seen: number[] = [];
      const result = await verifyLedger(db, communityId, {
        batchSize: 4,
        onProgress: ({ checked, total }) => {
          expect(total).toBe(10);
          seen.push(checked);
        },
      });
      expect(result.ok).toBe(true);
      expect(seen).toEqual([4, 8, 10]);
    });

    it('verifies step by step, as a progress bar asks, with the same verdict', async () => {
      const { db, communityId } = await givenBusyLedger();
      const steps = [];
      let afterSequence = 0;
      for (;;) {
        const step = await verifyLedger(db, communityId, { afterSequence, limit: 4 });
        steps.push([step.checkedThrough, step.done]);
        if (step.done) {
          expect(step).toMatchObject({ ok: true, total: 10, firstBrokenSequence: null });
          break;
        }
        afterSequence = step.checkedThrough;
      }
      expect(steps).toEqual([
        [4, false],
        [8, false],
        [10, true],
      ]);
    });

    it('verifies an empty community', async () => {
      const { db } = database();
      const community = await givenCommunity(db);
      expect(await verifyLedger(db, community.communityId)).toMatchObject({
        ok: true,
        transactions: 0,
      });
    });
  });

  describe('tampering', () => {
    it('catches an UPDATE of an amount at the exact entry', async () => {
      const { db, communityId } = await givenBusyLedger();
      const id = await transactionAt(db, communityId, 6);
      await tamper(
        db,
        sql`update ledger_postings set amount = amount * 10 where community_id = ${communityId} and transaction_id = ${id}`,
      );

      const result = await verifyLedger(db, communityId, { batchSize: 4 });
      expect(result.ok).toBe(false);
      expect(result.firstBrokenSequence).toBe(6);
    });

    it('catches an edited memo even when the balances still agree', async () => {
      const { db, communityId } = await givenBusyLedger();
      await tamper(
        db,
        sql`update ledger_transactions set memo = 'nothing to see' where community_id = ${communityId} and sequence = 9`,
      );

      const result = await verifyLedger(db, communityId);
      expect(result.mismatchedAccounts).toEqual([]);
      expect(result.firstBrokenSequence).toBe(9);
    });

    it('catches an altered entry in a later step of a stepwise check', async () => {
      const { db, communityId } = await givenBusyLedger();
      await tamper(
        db,
        sql`update ledger_transactions set memo = 'edited' where community_id = ${communityId} and sequence = 7`,
      );
      const first = await verifyLedger(db, communityId, { afterSequence: 0, limit: 5 });
      expect(first).toMatchObject({ ok: true, done: false, checkedThrough: 5 });
      const second = await verifyLedger(db, communityId, { afterSequence: 5, limit: 5 });
      expect(second).toMatchObject({
        ok: false,
        done: true,
        firstBrokenSequence: 7,
        checkedThrough: 6,
      });
    });

    it('catches a DELETE at the exact entry', async () => {
      const { db, communityId } = await givenBusyLedger();
      const id = await transactionAt(db, communityId, 5);
      await tamper(
        db,
        sql`delete from ledger_postings where community_id = ${communityId} and transaction_id = ${id}`,
      );
      await tamper(
        db,
        sql`delete from ledger_transactions where community_id = ${communityId} and id = ${id}`,
      );

      const result = await verifyLedger(db, communityId, { batchSize: 3 });
      expect(result.ok).toBe(false);
      expect(result.firstBrokenSequence).toBe(5);
    });

    it('catches a DELETE of the newest entry', async () => {
      const { db, communityId } = await givenBusyLedger();
      await tamper(
        db,
        sql`delete from ledger_transactions where community_id = ${communityId} and sequence = 10`,
      );

      expect((await verifyLedger(db, communityId)).firstBrokenSequence).toBe(10);
    });

    it('catches a transaction INSERTed out of band past the chain head', async () => {
      const { db, communityId, residents } = await givenBusyLedger();
      const [alice, bob] = residents;
      const fakeId = crypto.randomUUID();
      await tamper(
        db,
        sql`insert into ledger_transactions (community_id, id, sequence, kind, actor_type, actor_id,
              memo, idempotency_key, request_hash, created_at, prev_hash, hash)
            select community_id, ${fakeId}, 11, 'transfer', 'staff', 'intruder', '', 'forged',
              'forged', now(), head_hash, sha256('forged'::bytea)
              from ledger_chains where community_id = ${communityId}`,
      );
      await tamper(
        db,
        sql`insert into ledger_postings (community_id, transaction_id, position, account_id, unit, amount)
            values (${communityId}, ${fakeId}, 1, ${alice?.id}, 'points', -50),
                   (${communityId}, ${fakeId}, 2, ${bob?.id}, 'points', 50)`,
      );

      const result = await verifyLedger(db, communityId);
      expect(result.ok).toBe(false);
      expect(result.firstBrokenSequence).toBe(11);
    });

    it('catches a posting INSERTed into an existing transaction', async () => {
      const { db, communityId, residents } = await givenBusyLedger();
      const id = await transactionAt(db, communityId, 7);
      await tamper(
        db,
        sql`insert into ledger_postings (community_id, transaction_id, position, account_id, unit, amount)
            values (${communityId}, ${id}, 3, ${residents[2]?.id}, 'points', 1)`,
      );

      expect((await verifyLedger(db, communityId)).firstBrokenSequence).toBe(7);
    });

    it('catches a balance edited directly and names the account', async () => {
      const { db, communityId, residents } = await givenBusyLedger();
      const alice = residents[0]?.id;
      await tamper(
        db,
        sql`update ledger_accounts set balance = balance + 1000 where community_id = ${communityId} and id = ${alice}`,
      );

      const result = await verifyLedger(db, communityId);
      expect(result).toMatchObject({
        ok: false,
        firstBrokenSequence: null,
        mismatchedAccounts: [alice],
      });
    });
  });
});
