import { describeEachDatabase } from '@tally/db/testing';
import { DomainError } from '@tally/domain/errors';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getAccount } from './accounts';
import { postTransaction } from './post-transaction';
import { reverseTransaction } from './reverse-transaction';
import {
  givenCommunity,
  givenResidentPoints,
  newKey,
  officeActor,
  transfer,
} from './test-factories';
import { verifyLedger } from './verify-ledger';

// Model-based test: random sequences of transfers, replays, key conflicts and
// reversals run against the real ledger and against a few lines of in-memory
// bookkeeping. After every step both must agree on the outcome and every balance.

type Operation =
  | { type: 'transfer'; from: number; to: number; points: number }
  | { type: 'replay'; pick: number }
  | { type: 'conflict'; pick: number }
  | { type: 'reverse'; pick: number };

const RESIDENTS = 4;
const OPENING = 100;

const operation: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant('transfer' as const),
      from: fc.nat(RESIDENTS - 1),
      to: fc.nat(RESIDENTS - 2),
      points: fc.integer({ min: 1, max: 80 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('replay' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('conflict' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('reverse' as const), pick: fc.nat() }) },
);

type Posted = {
  id: string;
  request: ReturnType<typeof transfer>;
  from: number;
  to: number;
  points: number;
  reversed: boolean;
};

function codeOf(error: unknown): string {
  if (error instanceof DomainError) return error.code;
  throw error;
}

describeEachDatabase('the ledger against an in-memory model', (database) => {
  describe('random operation sequences', () => {
    it('agrees with the model on every outcome and every balance', async () => {
      const { db } = database();
      await fc.assert(
        fc.asyncProperty(
          fc.array(operation, { minLength: 1, maxLength: 25 }),
          async (operations) => {
            const community = await givenCommunity(db);
            const accounts = [];
            for (let i = 0; i < RESIDENTS; i++)
              accounts.push(await givenResidentPoints(db, community, OPENING));
            const ids = accounts.map((a) => a.id);
            const model = Array.from({ length: RESIDENTS }, () => OPENING);
            const posted: Posted[] = [];
            let transactions = RESIDENTS;

            for (const op of operations) {
              if (op.type === 'transfer') {
                const to = op.to >= op.from ? op.to + 1 : op.to;
                const request = transfer(community, {
                  from: ids[op.from] ?? '',
                  to: ids[to] ?? '',
                  points: op.points,
                });
                const affordable = (model[op.from] ?? 0) >= op.points;
                const outcome = await postTransaction(db, request).then((r) => r, codeOf);
                if (!affordable) {
                  expect(outcome).toBe('INSUFFICIENT_POINTS');
                  continue;
                }
                if (typeof outcome === 'string') throw new Error(`unexpected ${outcome}`);
                model[op.from] = (model[op.from] ?? 0) - op.points;
                model[to] = (model[to] ?? 0) + op.points;
                posted.push({
                  id: outcome.id,
                  request,
                  from: op.from,
                  to,
                  points: op.points,
                  reversed: false,
                });
                transactions += 1;
              } else if (posted.length > 0) {
                const target = posted[op.pick % posted.length] as Posted;
                if (op.type === 'replay') {
                  const again = await postTransaction(db, target.request);
                  expect(again).toMatchObject({ id: target.id, replayed: true });
                } else if (op.type === 'conflict') {
                  const changed = { ...target.request, memo: 'something else' };
                  expect(await postTransaction(db, changed).then(() => 'posted', codeOf)).toBe(
                    'IDEMPOTENCY_CONFLICT',
                  );
                } else {
                  const outcome = await reverseTransaction(db, {
                    communityId: community.communityId,
                    idempotencyKey: newKey(),
                    transactionId: target.id,
                    actor: officeActor,
                    reason: 'model test',
                  }).then(() => 'reversed', codeOf);
                  const expected = target.reversed
                    ? 'ALREADY_REVERSED'
                    : (model[target.to] ?? 0) < target.points
                      ? 'INSUFFICIENT_POINTS'
                      : 'reversed';
                  expect(outcome).toBe(expected);
                  if (outcome === 'reversed') {
                    target.reversed = true;
                    model[target.to] = (model[target.to] ?? 0) - target.points;
                    model[target.from] = (model[target.from] ?? 0) + target.points;
                    transactions += 1;
                  }
                }
              }
              for (let i = 0; i < RESIDENTS; i++) {
                expect((await getAccount(db, community.communityId, ids[i] ?? '')).balance).toBe(
                  model[i],
                );
              }
            }
            expect(await verifyLedger(db, community.communityId)).toMatchObject({
              ok: true,
              transactions,
            });
          },
        ),
        { seed: 20261127, numRuns: 50 },
      );
    });
  });
});
