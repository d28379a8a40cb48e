import { describeEachDatabase } from '@tally/db/testing';
import { expect, it } from 'vitest';
import { givenGoal, givenIdentifiedResident, pointsOf } from '../kiosk/test-helpers';
import { verifyLedger } from '../ledger/verify-ledger';
import { expectApiError, newIdempotencyKey, serveDuring } from '../test/api';

describeEachDatabase('kiosk.donate', (database) => {
  const server = serveDuring(database);

  const given = (points = 100) => givenIdentifiedResident(server, database(), { points });

  it('moves points from the resident to the goal and tells both totals', async () => {
    const { office, residentApi, resident, communityId } = await given(100);
    const goal = await givenGoal(office.api, 500);
    const result = await residentApi.kiosk.donate.mutate({
      idempotencyKey: newIdempotencyKey(),
      goalId: goal.id,
      points: 40,
    });
    expect(result).toEqual({ pointsAfter: 60, goalRaised: 40, goalTarget: 500 });
    const transaction = await database()
      .db.selectFrom('ledger_transactions')
      .select(['kind', 'reference_type', 'reference_id', 'actor_type', 'actor_id'])
      .where('community_id', '=', communityId)
      .where('kind', '=', 'donation')
      .executeTakeFirstOrThrow();
    expect(transaction).toEqual({
      kind: 'donation',
      reference_type: 'goal',
      reference_id: goal.id,
      actor_type: 'resident',
      actor_id: resident.id,
    });
    expect((await verifyLedger(database().db, communityId)).ok).toBe(true);
  });

  it('answers a replay with the first result and moves the points once', async () => {
    const { office, residentApi, resident, communityId } = await given(100);
    const goal = await givenGoal(office.api);
    const request = { idempotencyKey: newIdempotencyKey(), goalId: goal.id, points: 25 };
    const first = await residentApi.kiosk.donate.mutate(request);
    expect(await residentApi.kiosk.donate.mutate(request)).toEqual(first);
    expect(await pointsOf(database().db, communityId, resident.pointsAccountId)).toBe(75);
    await expectApiError(
      residentApi.kiosk.donate.mutate({ ...request, points: 26 }),
      'IDEMPOTENCY_CONFLICT',
    );
  });

  it('refuses a closed goal and a donation beyond the balance, writing nothing', async () => {
    const { office, residentApi, resident, communityId } = await given(100);
    const open = await givenGoal(office.api);
    const closed = await givenGoal(office.api);
    await office.api.goals.close.mutate({ idempotencyKey: newIdempotencyKey(), id: closed.id });
    await expectApiError(
      residentApi.kiosk.donate.mutate({
        idempotencyKey: newIdempotencyKey(),
        goalId: closed.id,
        points: 10,
      }),
      'GOAL_CLOSED',
    );
    await expectApiError(
      residentApi.kiosk.donate.mutate({
        idempotencyKey: newIdempotencyKey(),
        goalId: open.id,
        points: 101,
      }),
      'INSUFFICIENT_POINTS',
    );
    expect(await pointsOf(database().db, communityId, resident.pointsAccountId)).toBe(100);
    expect((await office.api.goals.list.query()).map((g) => g.raisedPoints)).toEqual([0, 0]);
  });

  it("does not find an unknown goal or another community's", async () => {
    const { residentApi } = await given(100);
    const other = await given(0);
    const theirs = await givenGoal(other.office.api);
    for (const goalId of [theirs.id, crypto.randomUUID()]) {
      await expectApiError(
        residentApi.kiosk.donate.mutate({ idempotencyKey: newIdempotencyKey(), goalId, points: 1 }),
        'NOT_FOUND',
      );
    }
  });

  it('names the field when the amount is not valid', async () => {
    const { office, residentApi } = await given(100);
    const goal = await givenGoal(office.api);
    const error = await expectApiError(
      residentApi.kiosk.donate.mutate({
        idempotencyKey: newIdempotencyKey(),
        goalId: goal.id,
        points: 0,
      }),
      'VALIDATION_FAILED',
    );
    expect(error.message).toContain('points');
  });

  it('needs a kiosk with an identified resident', async () => {
    const { office, kiosk } = await given(100);
    const goal = await givenGoal(office.api);
    const request = { idempotencyKey: newIdempotencyKey(), goalId: goal.id, points: 1 };
    await expectApiError(office.api.kiosk.donate.mutate(request), 'UNAUTHORIZED');
    await expectApiError(kiosk.api.kiosk.donate.mutate(request), 'SESSION_EXPIRED');
  });
});
