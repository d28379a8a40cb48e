import { describeEachDatabase } from '@tally/db/testing';
import { DomainError } from '@tally/domain/errors';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { getAccount } from './accounts';
import { postTransaction } from './post-transaction';
import { givenCommunity, givenResidentPoints, transfer } from './test-factories';
import { verifyLedger } from './verify-ledger';

// On PostgreSQL these race real connections from a pool of 20; on PGlite the
// same calls queue on its single connection, and the answers must not differ.

describeEachDatabase(
  'postings under concurrency',
  (database) => {
    describe('a race for the last points', () => {
      it('lets exactly 7 of 50 concurrent debits through when the account can afford 7', async () => {
        const { db } = database();
        const community = await givenCommunity(db);
        const resident = await givenResidentPoints(db, community, 70);
        const shop = await givenResidentPoints(db, community);

        const outcomes = await Promise.allSettled(
          Array.from({ length: 50 }, () =>
            postTransaction(
              db,
              transfer(community, { from: resident.id, to: shop.id, points: 10 }),
            ),
          ),
        );

        const succeeded = outcomes.filter((o) => o.status === 'fulfilled');
        const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
        expect(succeeded).toHaveLength(7);
        expect(failures).toHaveLength(43);
        for (const failure of failures) {
          expect(failure).toBeInstanceOf(DomainError);
          expect((failure as DomainError).code).toBe('INSUFFICIENT_POINTS');
        }
        expect((await getAccount(db, community.communityId, resident.id)).balance).toBe(0);
        expect((await getAccount(db, community.communityId, shop.id)).balance).toBe(70);
        expect((await verifyLedger(db, community.communityId)).ok).toBe(true);
      });

      it('posts a request raced with itself exactly once', async () => {
        const { db } = database();
        const community = await givenCommunity(db);
        const resident = await givenResidentPoints(db, community, 100);
        const shop = await givenResidentPoints(db, community);
        const request = transfer(community, { from: resident.id, to: shop.id, points: 30 });

        const results = await Promise.all(
          Array.from({ length: 10 }, () => postTransaction(db, request)),
        );

        expect(new Set(results.map((r) => r.id)).size).toBe(1);
        expect(results.filter((r) => !r.replayed)).toHaveLength(1);
        expect((await getAccount(db, community.communityId, resident.id)).balance).toBe(70);
      });
    });

    describe('several postings in one business transaction', () => {
      it('never deadlocks, whatever order the postings touch the accounts in', async () => {
        const { db } = database();
        const community = await givenCommunity(db);
        const [a, b, c, d] = await Promise.all(
          [1000, 1000, 0, 0].map((points) => givenResidentPoints(db, community, points)),
        );
        const ids = [a, b, c, d].map((account) => account?.id ?? '');
        const [ai, bi, ci, di] = ids as [string, string, string, string];
        // Each business transaction posts twice, touching different accounts each time;
        // half of them do it in the opposite order.
        const twoPostings = (firstPair: [string, string], secondPair: [string, string]) =>
          db.transaction().execute(async (trx) => {
            await postTransaction(
              trx,
              transfer(community, { from: firstPair[0], to: firstPair[1], points: 1 }),
            );
            await postTransaction(
              trx,
              transfer(community, { from: secondPair[0], to: secondPair[1], points: 1 }),
            );
          });

        const outcomes = await Promise.allSettled(
          Array.from({ length: 16 }, (_, i) =>
            i % 2 === 0 ? twoPostings([ai, ci], [bi, di]) : twoPostings([bi, di], [ai, ci]),
          ),
        );

        expect(
          outcomes
            .filter((o) => o.status === 'rejected')
            .map((o) => String((o as PromiseRejectedResult).reason)),
        ).toEqual([]);
        expect((await getAccount(db, community.communityId, ci)).balance).toBe(16);
        expect((await getAccount(db, community.communityId, di)).balance).toBe(16);
        expect((await verifyLedger(db, community.communityId)).ok).toBe(true);
      });
    });

    describe('the bank check', () => {
      it('keeps the sum of all balances constant for every concurrent reader', async () => {
        const { db } = database();
        const community = await givenCommunity(db);
        const accounts = [];
        for (let i = 0; i < 20; i++) accounts.push(await givenResidentPoints(db, community, 1000));
        const ids = accounts.map((a) => a.id);
        const total = 20 * 1000;

        let writing = true;
        const sums: number[] = [];
        const reader = async () => {
          while (writing) {
            const { rows } = await sql<{ total: number }>`
              select sum(balance)::bigint as total from ledger_accounts
               where community_id = ${community.communityId} and owner_type = 'resident'`.execute(
              db,
            );
            sums.push(rows[0]?.total ?? -1);
          }
        };
        // A small deterministic generator, so a failure can be replayed.
        let seed = 20261127;
        const next = () => {
          seed = (seed * 1103515245 + 12345) % 2 ** 31;
          return seed;
        };
        let posted = 0;
        const writer = async () => {
          for (let i = 0; i < 40; i++) {
            const from = ids[next() % ids.length] ?? '';
            let to = ids[next() % ids.length] ?? '';
            if (to === from) to = ids[(ids.indexOf(from) + 1) % ids.length] ?? '';
            await postTransaction(db, transfer(community, { from, to, points: 1 + (next() % 300) }))
              .then(() => {
                posted += 1;
              })
              .catch((error: unknown) => {
                if (!(error instanceof DomainError && error.code === 'INSUFFICIENT_POINTS'))
                  throw error;
              });
          }
        };

        const readers = [reader(), reader(), reader()];
        await Promise.all(Array.from({ length: 8 }, writer));
        writing = false;
        await Promise.all(readers);

        expect(sums.length).toBeGreaterThan(10);
        expect(sums.filter((s) => s !== total)).toEqual([]);
        const verified = await verifyLedger(db, community.communityId);
        expect(verified).toMatchObject({ ok: true, transactions: 20 + posted });
        for (const account of accounts) {
          expect(
            (await getAccount(db, community.communityId, account.id)).balance,
          ).toBeGreaterThanOrEqual(0);
        }
      });
    });
  },
  { poolSize: 20 },
);
