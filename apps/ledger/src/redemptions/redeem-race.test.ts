import { describeEachDatabase } from '@tally/db/testing';
import { expect, it } from 'vitest';
import { givenIdentifiedResident, givenReward, pointsOf, stockOf } from '../kiosk/test-helpers';
import { verifyLedger } from '../ledger/verify-ledger';
import { newIdempotencyKey, serveDuring } from '../test/api';

// Thirty kiosk requests at once, through the real HTTP server and (on
// PostgreSQL) a pool of real connections: the reward's stock and the
// resident's points must both hold, whatever order the requests land in.

describeEachDatabase('kiosk.redeem under a race', (database) => {
  const server = serveDuring(database);

  it('lets exactly 3 of 30 concurrent redemptions through for a stock of 3, overselling and overdrawing nothing', async () => {
    const { db } = database();
    // Affords 4 at 25 points each; the shelf holds 3.
    const { office, residentApi, resident, communityId } = await givenIdentifiedResident(
      server,
      database(),
      { points: 100 },
    );
    const reward = await givenReward(office.api, { points: 25, stock: 3 });

    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, () =>
        residentApi.kiosk.redeem.mutate({
          idempotencyKey: newIdempotencyKey(),
          rewardId: reward.id,
          quantity: 1,
        }),
      ),
    );

    const succeeded = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    const failureCodes = outcomes.flatMap((o) =>
      o.status === 'rejected'
        ? [(o.reason as { data?: { domainCode?: string } }).data?.domainCode]
        : [],
    );
    expect(succeeded).toHaveLength(3);
    expect(new Set(succeeded.map((s) => s.pickupCode)).size).toBe(3);
    expect(failureCodes).toHaveLength(27);
    for (const code of failureCodes)
      expect(['OUT_OF_STOCK', 'INSUFFICIENT_POINTS']).toContain(code);

    expect(await stockOf(db, communityId, reward.id)).toBe(0);
    const points = await pointsOf(db, communityId, resident.pointsAccountId);
    expect(points).toBe(25);
    expect(Math.min(...succeeded.map((s) => s.pointsAfter))).toBeGreaterThanOrEqual(0);
    const redemptions = await db
      .selectFrom('redemptions')
      .select('id')
      .where('community_id', '=', communityId)
      .execute();
    expect(redemptions).toHaveLength(3);
    expect(await verifyLedger(db, communityId)).toMatchObject({ ok: true, mismatchedAccounts: [] });
  });

  it('lets the points run out first when they are scarcer than the stock', async () => {
    const { db } = database();
    const { office, residentApi, resident, communityId } = await givenIdentifiedResident(
      server,
      database(),
      { points: 100 },
    );
    const reward = await givenReward(office.api, { points: 25, stock: 20 });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, () =>
        residentApi.kiosk.redeem.mutate({
          idempotencyKey: newIdempotencyKey(),
          rewardId: reward.id,
          quantity: 1,
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(4);
    expect(await pointsOf(db, communityId, resident.pointsAccountId)).toBe(0);
    expect(await stockOf(db, communityId, reward.id)).toBe(16);
    expect((await verifyLedger(db, communityId)).ok).toBe(true);
  });

  it('answers ten retries of one request sent at once with one redemption, however they are grouped', async () => {
    const { db } = database();
    const { office, residentApi, resident, communityId } = await givenIdentifiedResident(
      server,
      database(),
      { points: 100 },
    );
    const reward = await givenReward(office.api, { points: 10, stock: 20 });
    const other = await givenReward(office.api, { points: 5, stock: 20 });
    const request = { idempotencyKey: newIdempotencyKey(), rewardId: reward.id, quantity: 2 };
    // Other redemptions run beside them, so that the retries meet in grouped calls.
    const [answers, others] = await Promise.all([
      Promise.all(Array.from({ length: 10 }, () => residentApi.kiosk.redeem.mutate(request))),
      Promise.all(
        Array.from({ length: 4 }, () =>
          residentApi.kiosk.redeem.mutate({
            idempotencyKey: newIdempotencyKey(),
            rewardId: other.id,
            quantity: 1,
          }),
        ),
      ),
    ]);
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(new Set(others.map((o) => o.pickupCode)).size).toBe(4);
    expect(await stockOf(db, communityId, reward.id)).toBe(18);
    expect(await stockOf(db, communityId, other.id)).toBe(16);
    expect(await pointsOf(db, communityId, resident.pointsAccountId)).toBe(100 - 20 - 20);
    expect((await verifyLedger(db, communityId)).ok).toBe(true);
  });
});
