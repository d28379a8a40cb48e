import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import {
  givenIdentifiedResident,
  givenResident,
  givenReward,
  identify,
  pointsOf,
  stockOf,
} from '../kiosk/test-helpers';
import { verifyLedger } from '../ledger/verify-ledger';
import { expectApiError, newIdempotencyKey, serveDuring } from '../test/api';

describeEachDatabase('redemptions', (database) => {
  const server = serveDuring(database);

  /** A resident with 100 points who redeemed 2 of a 30-point reward (stock 5 → 3). */
  async function givenRedemption() {
    const world = await givenIdentifiedResident(server, database(), { points: 100 });
    const reward = await givenReward(world.office.api, { name: 'Soap', points: 30, stock: 5 });
    const redeemed = await world.residentApi.kiosk.redeem.mutate({
      idempotencyKey: newIdempotencyKey(),
      rewardId: reward.id,
      quantity: 2,
    });
    return { ...world, reward, redeemed };
  }

  describe('redemptions.list', () => {
    it('shows the desk every redemption, newest first, and filters by status, resident and code', async () => {
      const { office, auditor, kiosk, reward, redeemed, resident, communityId } =
        await givenRedemption();
      const neighbour = await givenResident(database().db, communityId, { points: 100 });
      const { api } = await identify(kiosk, neighbour);
      const second = await api.kiosk.redeem.mutate({
        idempotencyKey: newIdempotencyKey(),
        rewardId: reward.id,
        quantity: 1,
      });
      await office.api.redemptions.fulfil.mutate({
        idempotencyKey: newIdempotencyKey(),
        redemptionId: second.redemptionId,
      });

      const all = await auditor.api.redemptions.list.query({});
      expect(all.items.map((r) => r.id)).toEqual([second.redemptionId, redeemed.redemptionId]);
      expect(all.items[1]).toMatchObject({
        rewardName: { zh: '', en: 'Soap' },
        residentName: resident.name,
        cardNumber: resident.cardNumber,
        kioskId: kiosk.id,
        status: 'issued',
        fulfilledAt: null,
      });
      const issued = await office.api.redemptions.list.query({ status: 'issued' });
      expect(issued.items.map((r) => r.id)).toEqual([redeemed.redemptionId]);
      const theirs = await office.api.redemptions.list.query({ residentId: neighbour.id });
      expect(theirs.items.map((r) => r.id)).toEqual([second.redemptionId]);
      const byCode = await office.api.redemptions.list.query({
        pickupCode: redeemed.pickupCode.toLowerCase(),
      });
      expect(byCode.items.map((r) => r.id)).toEqual([redeemed.redemptionId]);
    });

    it('pages with a cursor', async () => {
      const { office, redeemed, residentApi, reward } = await givenRedemption();
      const later = await residentApi.kiosk.redeem.mutate({
        idempotencyKey: newIdempotencyKey(),
        rewardId: reward.id,
        quantity: 1,
      });
      const first = await office.api.redemptions.list.query({ limit: 1 });
      expect(first.items.map((r) => r.id)).toEqual([later.redemptionId]);
      expect(first.nextCursor).not.toBeNull();
      const second = await office.api.redemptions.list.query({
        limit: 1,
        cursor: first.nextCursor ?? undefined,
      });
      expect(second.items.map((r) => r.id)).toEqual([redeemed.redemptionId]);
      expect(second.nextCursor).toBeNull();
      await expectApiError(
        office.api.redemptions.list.query({ cursor: 'not-a-cursor' }),
        'VALIDATION_FAILED',
      );
    });

    it("is for the office and auditors, and never shows another community's", async () => {
      const { leaderOf } = await givenRedemption();
      const other = await givenIdentifiedResident(server, database());
      expect((await other.office.api.redemptions.list.query({})).items).toEqual([]);
      await expectApiError((await leaderOf([])).api.redemptions.list.query({}), 'FORBIDDEN');
    });
  });

  describe('redemptions.fulfil', () => {
    it('marks an issued redemption as handed out, once', async () => {
      const { office, redeemed, communityId } = await givenRedemption();
      const request = { idempotencyKey: newIdempotencyKey(), redemptionId: redeemed.redemptionId };
      const fulfilled = await office.api.redemptions.fulfil.mutate(request);
      expect(fulfilled).toMatchObject({ status: 'fulfilled', id: redeemed.redemptionId });
      expect(fulfilled.fulfilledAt).not.toBeNull();
      expect(await office.api.redemptions.fulfil.mutate(request)).toEqual(fulfilled);
      const again = await expectApiError(
        office.api.redemptions.fulfil.mutate({ ...request, idempotencyKey: newIdempotencyKey() }),
        'REDEMPTION_CLOSED',
      );
      expect(again.data?.code).toBe('CONFLICT');
      const audit = await database()
        .db.selectFrom('audit_log')
        .select('action')
        .where('community_id', '=', communityId)
        .where('action', '=', 'redemptions.fulfil')
        .execute();
      expect(audit).toHaveLength(1);
    });

    it('is for the office of the same community only', async () => {
      const { auditor, leaderOf, residentApi, redeemed } = await givenRedemption();
      const other = await givenIdentifiedResident(server, database());
      const request = () => ({
        idempotencyKey: newIdempotencyKey(),
        redemptionId: redeemed.redemptionId,
      });
      await expectApiError(auditor.api.redemptions.fulfil.mutate(request()), 'FORBIDDEN');
      await expectApiError(
        (await leaderOf([])).api.redemptions.fulfil.mutate(request()),
        'FORBIDDEN',
      );
      await expectApiError(residentApi.redemptions.fulfil.mutate(request()), 'UNAUTHORIZED');
      await expectApiError(other.office.api.redemptions.fulfil.mutate(request()), 'NOT_FOUND');
      await expectApiError(
        other.office.api.redemptions.fulfil.mutate({ idempotencyKey: 'short', redemptionId: 'x' }),
        'VALIDATION_FAILED',
      );
    });
  });

  describe('redemptions.cancel', () => {
    it('gives the points back, puts the stock back and keeps the ledger whole', async () => {
      const { office, redeemed, reward, resident, residentApi, communityId } =
        await givenRedemption();
      const { db } = database();
      expect(await pointsOf(db, communityId, resident.pointsAccountId)).toBe(40);
      const request = {
        idempotencyKey: newIdempotencyKey(),
        redemptionId: redeemed.redemptionId,
        reason: 'Out of the blue soap',
      };
      const cancelled = await office.api.redemptions.cancel.mutate(request);
      expect(cancelled).toMatchObject({
        status: 'cancelled',
        cancelReason: 'Out of the blue soap',
      });
      expect(await pointsOf(db, communityId, resident.pointsAccountId)).toBe(100);
      expect(await stockOf(db, communityId, reward.id)).toBe(5);

      const reversal = await db
        .selectFrom('ledger_transactions')
        .select(['kind', 'reverses', 'actor_type', 'actor_id'])
        .where('community_id', '=', communityId)
        .where('id', '=', cancelled.cancelTransactionId ?? '')
        .executeTakeFirstOrThrow();
      expect(reversal).toEqual({
        kind: 'reversal',
        reverses: cancelled.transactionId,
        actor_type: 'staff',
        actor_id: office.user.id,
      });

      // A replay changes nothing more; a second cancellation is refused.
      expect(await office.api.redemptions.cancel.mutate(request)).toEqual(cancelled);
      expect(await pointsOf(db, communityId, resident.pointsAccountId)).toBe(100);
      await expectApiError(
        office.api.redemptions.cancel.mutate({ ...request, idempotencyKey: newIdempotencyKey() }),
        'REDEMPTION_CLOSED',
      );
      await expectApiError(
        office.api.redemptions.cancel.mutate({ ...request, reason: 'Another reason' }),
        'IDEMPOTENCY_CONFLICT',
      );
      expect(await stockOf(db, communityId, reward.id)).toBe(5);
      expect((await verifyLedger(db, communityId)).ok).toBe(true);

      // The resident sees the refund in their own history, named after the reward.
      const history = await residentApi.kiosk.history.query({ limit: 2 });
      expect(
        history.items.map(({ kind, points, description }) => [kind, points, description]),
      ).toEqual([
        [
          'reversal',
          60,
          {
            code: 'reversal',
            params: {
              of: 'redemption',
              subject: { zh: '', en: 'Soap' },
              reason: expect.any(String),
              cause: 'cancellation',
            },
          },
        ],
        [
          'redemption',
          -60,
          { code: 'redemption', params: { reward: { zh: '', en: 'Soap' }, quantity: 2 } },
        ],
      ]);
    });

    it('cannot cancel what was already handed out', async () => {
      const { office, redeemed } = await givenRedemption();
      await office.api.redemptions.fulfil.mutate({
        idempotencyKey: newIdempotencyKey(),
        redemptionId: redeemed.redemptionId,
      });
      await expectApiError(
        office.api.redemptions.cancel.mutate({
          idempotencyKey: newIdempotencyKey(),
          redemptionId: redeemed.redemptionId,
          reason: 'Too late',
        }),
        'REDEMPTION_CLOSED',
      );
    });

    it('needs a reason, the office, and the same community', async () => {
      const { office, auditor, redeemed, resident, communityId } = await givenRedemption();
      const other = await givenIdentifiedResident(server, database());
      const request = (reason = 'Mistake') => ({
        idempotencyKey: newIdempotencyKey(),
        redemptionId: redeemed.redemptionId,
        reason,
      });
      const error = await expectApiError(
        office.api.redemptions.cancel.mutate(request('   ')),
        'VALIDATION_FAILED',
      );
      expect(error.message).toContain('reason');
      await expectApiError(auditor.api.redemptions.cancel.mutate(request()), 'FORBIDDEN');
      await expectApiError(other.office.api.redemptions.cancel.mutate(request()), 'NOT_FOUND');
      expect(await pointsOf(database().db, communityId, resident.pointsAccountId)).toBe(40);
    });
  });
});
