import { describeEachDatabase } from '@tally/db/testing';
import { PICKUP_CODE_ALPHABET } from '@tally/domain/redemptions';
import { describe, expect, it } from 'vitest';
import {
  givenIdentifiedResident,
  givenKiosk,
  givenResident,
  givenReward,
  identify,
  pointsOf,
  stockOf,
} from '../kiosk/test-helpers';
import { verifyLedger } from '../ledger/verify-ledger';
import { apiClient, expectApiError, newIdempotencyKey, serveDuring } from '../test/api';
import { redeemReward } from './redeem-reward';

describeEachDatabase('kiosk.redeem', (database) => {
  const server = serveDuring(database);

  const given = (points = 100) => givenIdentifiedResident(server, database(), { points });

  async function redemptionCount(communityId: string) {
    const rows = await database()
      .db.selectFrom('redemptions')
      .select('id')
      .where('community_id', '=', communityId)
      .execute();
    return rows.length;
  }

  it('takes the points and the stock and gives a pickup code, in one go', async () => {
    const { office, residentApi, resident, communityId } = await given(100);
    const reward = await givenReward(office.api, { name: 'Rice', points: 30, stock: 5 });
    const result = await residentApi.kiosk.redeem.mutate({
      idempotencyKey: newIdempotencyKey(),
      rewardId: reward.id,
      quantity: 2,
    });
    expect(result).toMatchObject({
      pointsAfter: 40,
      rewardName: { zh: '', en: 'Rice' },
      quantity: 2,
      points: 60,
    });
    expect(result.pickupCode).toHaveLength(6);
    for (const char of result.pickupCode) expect(PICKUP_CODE_ALPHABET).toContain(char);
    expect(await stockOf(database().db, communityId, reward.id)).toBe(3);
    expect(await pointsOf(database().db, communityId, resident.pointsAccountId)).toBe(40);

    const [entry] = (await office.api.redemptions.list.query({})).items;
    expect(entry).toMatchObject({
      id: result.redemptionId,
      pickupCode: result.pickupCode,
      status: 'issued',
      residentId: resident.id,
      quantity: 2,
      points: 60,
    });
    const transaction = await database()
      .db.selectFrom('ledger_transactions')
      .select(['kind', 'reference_type', 'reference_id', 'actor_type', 'actor_id'])
      .where('community_id', '=', communityId)
      .where('id', '=', entry?.transactionId ?? '')
      .executeTakeFirstOrThrow();
    expect(transaction).toEqual({
      kind: 'redemption',
      reference_type: 'redemption',
      reference_id: result.redemptionId,
      actor_type: 'resident',
      actor_id: resident.id,
    });
    const audit = await database()
      .db.selectFrom('audit_log')
      .select(['actor_type', 'target_id'])
      .where('community_id', '=', communityId)
      .where('action', '=', 'kiosk.redeem')
      .execute();
    expect(audit).toEqual([{ actor_type: 'kiosk', target_id: result.redemptionId }]);
    expect((await verifyLedger(database().db, communityId)).ok).toBe(true);
  });

  it('answers a replay with the same pickup code and takes the points once', async () => {
    const { office, residentApi, resident, communityId } = await given(100);
    const reward = await givenReward(office.api, { points: 30, stock: 5 });
    const request = { idempotencyKey: newIdempotencyKey(), rewardId: reward.id, quantity: 1 };
    const first = await residentApi.kiosk.redeem.mutate(request);
    const again = await residentApi.kiosk.redeem.mutate(request);
    expect(again).toEqual(first);
    expect(await pointsOf(database().db, communityId, resident.pointsAccountId)).toBe(70);
    expect(await stockOf(database().db, communityId, reward.id)).toBe(4);
    expect(await redemptionCount(communityId)).toBe(1);
    await expectApiError(
      residentApi.kiosk.redeem.mutate({ ...request, quantity: 2 }),
      'IDEMPOTENCY_CONFLICT',
    );
  });

  it("keys the ledger entry by the request's key, so the ledger's own replay check guards it too", async () => {
    const { office, residentApi, communityId } = await given(100);
    const reward = await givenReward(office.api, { points: 30, stock: 5 });
    const idempotencyKey = newIdempotencyKey();
    const result = await residentApi.kiosk.redeem.mutate({
      idempotencyKey,
      rewardId: reward.id,
      quantity: 1,
    });
    const transaction = await database()
      .db.selectFrom('ledger_transactions')
      .select('idempotency_key')
      .where('community_id', '=', communityId)
      .where('reference_id', '=', result.redemptionId)
      .executeTakeFirstOrThrow();
    expect(transaction.idempotency_key).toBe(`${idempotencyKey}:redemption`);
  });

  it("refuses another resident's retry of a key", async () => {
    const { office, residentApi, kiosk, communityId } = await given(100);
    const reward = await givenReward(office.api, { points: 30, stock: 5 });
    const request = { idempotencyKey: newIdempotencyKey(), rewardId: reward.id, quantity: 1 };
    await residentApi.kiosk.redeem.mutate(request);
    const neighbour = await givenResident(database().db, communityId, { points: 100 });
    const { api } = await identify(kiosk, neighbour);
    await expectApiError(api.kiosk.redeem.mutate(request), 'IDEMPOTENCY_CONFLICT');
  });

  it('refuses more than the stock holds and writes nothing', async () => {
    const { office, residentApi, resident, communityId } = await given(1000);
    const reward = await givenReward(office.api, { name: 'Kettle', points: 10, stock: 2 });
    const error = await expectApiError(
      residentApi.kiosk.redeem.mutate({
        idempotencyKey: newIdempotencyKey(),
        rewardId: reward.id,
        quantity: 3,
      }),
      'OUT_OF_STOCK',
    );
    expect(error.message).toBe('Only 2 of Kettle left.');
    expect(await stockOf(database().db, communityId, reward.id)).toBe(2);
    expect(await pointsOf(database().db, communityId, resident.pointsAccountId)).toBe(1000);
    expect(await redemptionCount(communityId)).toBe(0);
  });

  it('holds each resident to the per-resident limit, not counting cancelled redemptions', async () => {
    const { office, residentApi } = await given(1000);
    const reward = await givenReward(office.api, { points: 10, stock: 10, perResidentLimit: 2 });
    const redeem = (quantity: number) =>
      residentApi.kiosk.redeem.mutate({
        idempotencyKey: newIdempotencyKey(),
        rewardId: reward.id,
        quantity,
      });
    const first = await redeem(2);
    const limit = await expectApiError(redeem(1), 'LIMIT_REACHED');
    expect(limit.data?.details).toEqual({ limit: 2, left: 0 });
    await office.api.redemptions.cancel.mutate({
      idempotencyKey: newIdempotencyKey(),
      redemptionId: first.redemptionId,
      reason: 'Changed their mind',
    });
    await expect(redeem(2)).resolves.toMatchObject({ quantity: 2 });
  });

  it('refuses a redemption that would overdraw the resident and writes nothing', async () => {
    const { office, residentApi, resident, communityId } = await given(50);
    const reward = await givenReward(office.api, { points: 30, stock: 5 });
    const error = await expectApiError(
      residentApi.kiosk.redeem.mutate({
        idempotencyKey: newIdempotencyKey(),
        rewardId: reward.id,
        quantity: 2,
      }),
      'INSUFFICIENT_POINTS',
    );
    expect(error.message).toBe('This needs 60 points; you have 50.');
    expect(await pointsOf(database().db, communityId, resident.pointsAccountId)).toBe(50);
    expect(await stockOf(database().db, communityId, reward.id)).toBe(5);
    expect(await redemptionCount(communityId)).toBe(0);
  });

  it('does not offer inactive rewards, unknown ones or those of another community', async () => {
    const { office, residentApi } = await given(100);
    const inactive = await givenReward(office.api, { active: false });
    const elsewhere = await given(100);
    const theirs = await givenReward(elsewhere.office.api);
    for (const rewardId of [inactive.id, theirs.id, crypto.randomUUID()]) {
      await expectApiError(
        residentApi.kiosk.redeem.mutate({
          idempotencyKey: newIdempotencyKey(),
          rewardId,
          quantity: 1,
        }),
        'NOT_FOUND',
      );
    }
  });

  it('skips a pickup code already taken in the community, and writes nothing when every one is', async () => {
    const { office, residentApi, resident, kiosk, communityId } = await given(100);
    const reward = await givenReward(office.api, { points: 10, stock: 5 });
    const first = await residentApi.kiosk.redeem.mutate({
      idempotencyKey: newIdempotencyKey(),
      rewardId: reward.id,
      quantity: 1,
    });
    const session = { communityId, residentId: resident.id, kioskId: kiosk.id, tokenHash: '' };
    const redeem = { session, origin: 'test', rewardId: reward.id, quantity: 1 };
    const second = await redeemReward(
      database().db,
      { ...redeem, idempotencyKey: newIdempotencyKey() },
      { pickupCodes: () => [first.pickupCode, 'HJKMNP'] },
    );
    expect(second.pickupCode).toBe('HJKMNP');

    await expect(
      redeemReward(
        database().db,
        { ...redeem, idempotencyKey: newIdempotencyKey() },
        { pickupCodes: () => [first.pickupCode, 'HJKMNP'] },
      ),
    ).rejects.toThrow(/no free pickup code/);
    expect(await pointsOf(database().db, communityId, resident.pointsAccountId)).toBe(80);
    expect(await stockOf(database().db, communityId, reward.id)).toBe(3);
    expect(await redemptionCount(communityId)).toBe(2);
  });

  it("charges today's price when the office changes it while the resident is redeeming", async () => {
    const { office, resident, kiosk, communityId } = await given(100);
    const reward = await givenReward(office.api, { points: 10, stock: 5 });
    const { db } = database();
    // The price changes after the service read the reward and before the database redeems:
    // the database refuses the old price and the service reads again.
    let drawn = 0;
    const result = await redeemReward(
      db,
      {
        session: { communityId, residentId: resident.id, kioskId: kiosk.id, tokenHash: '' },
        origin: 'test',
        idempotencyKey: newIdempotencyKey(),
        rewardId: reward.id,
        quantity: 2,
      },
      {
        pickupCodes: async () => {
          drawn += 1;
          if (drawn === 1) {
            await db
              .updateTable('rewards')
              .set({ points: 15 })
              .where('id', '=', reward.id)
              .execute();
          }
          return [`QRTUV${drawn + 2}`];
        },
      },
    );
    expect(drawn).toBe(2);
    expect(result).toMatchObject({ points: 30, pointsAfter: 70, pickupCode: 'QRTUV4' });
    expect(await pointsOf(db, communityId, resident.pointsAccountId)).toBe(70);
    expect(await redemptionCount(communityId)).toBe(1);
  });

  it('takes 1 to 10 at a time', async () => {
    const { office, residentApi } = await given(100);
    const reward = await givenReward(office.api);
    for (const quantity of [0, 11, 1.5]) {
      const error = await expectApiError(
        residentApi.kiosk.redeem.mutate({
          idempotencyKey: newIdempotencyKey(),
          rewardId: reward.id,
          quantity,
        }),
        'VALIDATION_FAILED',
      );
      expect(error.message).toContain('quantity');
    }
  });

  describe('authorization', () => {
    it('needs a kiosk and an identified resident whose session is alive', async () => {
      const { office, kiosk, residentToken, communityId } = await given(100);
      const reward = await givenReward(office.api);
      const request = () => ({
        idempotencyKey: newIdempotencyKey(),
        rewardId: reward.id,
        quantity: 1,
      });
      await expectApiError(office.api.kiosk.redeem.mutate(request()), 'UNAUTHORIZED');
      await expectApiError(
        apiClient(server.url, { token: office.token, residentToken }).kiosk.redeem.mutate(
          request(),
        ),
        'UNAUTHORIZED',
      );
      await expectApiError(
        apiClient(server.url, { residentToken }).kiosk.redeem.mutate(request()),
        'UNAUTHORIZED',
      );
      await expectApiError(kiosk.api.kiosk.redeem.mutate(request()), 'SESSION_EXPIRED');
      const otherKiosk = await givenKiosk(server, database().db, communityId);
      await expectApiError(
        otherKiosk.asResident(residentToken).kiosk.redeem.mutate(request()),
        'SESSION_EXPIRED',
      );
      await database()
        .db.updateTable('kiosk_sessions')
        .set({ last_seen_at: new Date(Date.now() - 3 * 60_000) })
        .where('kiosk_id', '=', kiosk.id)
        .execute();
      await expectApiError(
        kiosk.asResident(residentToken).kiosk.redeem.mutate(request()),
        'SESSION_EXPIRED',
      );
      expect(await redemptionCount(communityId)).toBe(0);
    });
  });
});
