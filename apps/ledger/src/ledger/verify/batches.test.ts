import { describeEachDatabase } from '@tally/db/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { postTransaction } from '../post-transaction';
import { givenBusyLedger, transfer } from '../test-factories';
import { rehashChain, tamper } from '../test-tampering';
import { verifyLedger } from '../verify-ledger';
import { batchRanges, inOrder } from './batches';

describe('cutting the chain into batches', () => {
  it('gives every connection a share of a chain shorter than one batch', () => {
    const ranges = batchRanges({ from: 0, to: 1_700, batchSize: 50_000, parallel: 2 });
    expect(ranges).toEqual([
      { from: 0, to: 850 },
      { from: 850, to: 1_700 },
    ]);
  });

  it('keeps to the batch size asked for and covers the range once, in order', () => {
    const ranges = batchRanges({ from: 3, to: 13, batchSize: 4, parallel: 2 });
    expect(ranges).toEqual([
      { from: 3, to: 7 },
      { from: 7, to: 11 },
      { from: 11, to: 13 },
    ]);
  });

  it('does not cut a short chain finer than a round trip is worth', () => {
    expect(batchRanges({ from: 0, to: 10, batchSize: 50_000, parallel: 4 })).toEqual([
      { from: 0, to: 10 },
    ]);
    expect(batchRanges({ from: 5, to: 5, batchSize: 50_000, parallel: 4 })).toEqual([]);
  });
});

describe('running batches side by side', () => {
  const after = (ms: number, value: number) =>
    new Promise<number>((resolve) => setTimeout(() => resolve(value), ms));

  it('yields results in order though later ones finish first, never more than asked at once', async () => {
    let running = 0;
    let most = 0;
    const task = (ms: number, value: number) => async () => {
      running += 1;
      most = Math.max(most, running);
      const result = await after(ms, value);
      running -= 1;
      return result;
    };
    const seen: [number, number][] = [];
    for await (const item of inOrder([task(30, 10), task(5, 11), task(5, 12), task(1, 13)], 2)) {
      seen.push(item);
    }
    expect(seen).toEqual([
      [0, 10],
      [1, 11],
      [2, 12],
      [3, 13],
    ]);
    expect(most).toBe(2);
  });

  it('starts nothing more once the caller stops, and waits for what it started', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const task = (value: number) => async () => {
      started.push(value);
      await after(5, value);
      finished.push(value);
      return value;
    };
    for await (const [index] of inOrder([task(0), task(1), task(2), task(3), task(4)], 2)) {
      if (index === 0) break;
    }
    expect(started).toEqual([0, 1, 2]);
    expect(finished).toEqual([0, 1, 2]);
  });
});

describeEachDatabase(
  'verifying in batches side by side',
  (database) => {
    // Ten entries in batches of four: (0, 4], (4, 8], (8, 10], three at once.
    const inBatches = { batchSize: 4, parallel: 3 };

    it.each([4, 5, 8, 9])(
      'names an entry altered at the batch edge, entry %i',
      async (sequence) => {
        const { db, communityId } = await givenBusyLedger(database().db);
        await tamper(
          db,
          sql`update ledger_transactions set memo = 'edited' where community_id = ${communityId} and sequence = ${sequence}`,
        );

        const result = await verifyLedger(db, communityId, inBatches);
        expect(result).toMatchObject({ ok: false, firstBrokenSequence: sequence });
      },
    );

    it.each([4, 5, 9])('names an entry deleted at the batch edge, entry %i', async (sequence) => {
      const { db, communityId } = await givenBusyLedger(database().db);
      await tamper(
        db,
        sql`delete from ledger_postings p using ledger_transactions t
             where t.community_id = ${communityId} and t.sequence = ${sequence}
               and p.community_id = t.community_id and p.transaction_id = t.id`,
        sql`delete from ledger_transactions where community_id = ${communityId} and sequence = ${sequence}`,
      );

      const result = await verifyLedger(db, communityId, inBatches);
      expect(result).toMatchObject({ ok: false, firstBrokenSequence: sequence });
    });

    it('names the first entry of a batch whose only fault is its link to the batch before', async () => {
      const { db, communityId } = await givenBusyLedger(database().db);
      // Entry 5 and all after it hash and link among themselves; only 4 → 5 is cut.
      await tamper(
        db,
        sql`update ledger_transactions set prev_hash = sha256('elsewhere'::bytea)
             where community_id = ${communityId} and sequence = 5`,
      );
      await rehashChain(db, communityId, 5);

      const result = await verifyLedger(db, communityId, inBatches);
      expect(result).toMatchObject({ ok: false, firstBrokenSequence: 5 });
    });

    it('reports ok for the entries committed when it began while postings go on', async () => {
      const { db, community, communityId, residents } = await givenBusyLedger(database().db);
      const [alice, bob] = residents.map((r) => r.id);
      const postings = Array.from({ length: 30 }, () =>
        postTransaction(db, transfer(community, { from: alice ?? '', to: bob ?? '', points: 1 })),
      );

      const results = await Promise.all(
        [0, 1, 2].map(() => verifyLedger(db, communityId, { batchSize: 3, parallel: 3 })),
      );
      await Promise.all(postings);
      for (const result of results) {
        expect(result).toMatchObject({ ok: true, findings: [], mismatchedAccounts: [] });
        expect(result.checkedThrough).toBe(result.total);
        expect(result.total).toBeGreaterThanOrEqual(10);
      }
      expect(await verifyLedger(db, communityId)).toMatchObject({ ok: true, total: 40 });
    });
  },
  { poolSize: 12 },
);
