import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { givenIdentifiedResident, givenKiosk } from '../kiosk/test-helpers';
import {
  expectApiError,
  givenCommunityWithStaff,
  newIdempotencyKey,
  serveDuring,
} from '../test/api';

describeEachDatabase('goals', (database) => {
  const server = serveDuring(database);

  const given = () => givenCommunityWithStaff(server, database());
  const playground = { title: { zh: '新游乐场', en: 'New playground' }, targetPoints: 5000 };

  describe('goals.create', () => {
    it('opens a goal with its own points pool that cannot go below zero', async () => {
      const { office, communityId } = await given();
      const goal = await office.api.goals.create.mutate({
        idempotencyKey: newIdempotencyKey(),
        ...playground,
        description: { en: 'Swings for the east yard' },
      });
      expect(goal).toMatchObject({
        ...playground,
        description: { zh: '', en: 'Swings for the east yard' },
        raisedPoints: 0,
        status: 'open',
        closedAt: null,
      });
      const pool = await database()
        .db.selectFrom('ledger_accounts')
        .select(['unit', 'owner_type', 'owner_id', 'min_balance', 'balance'])
        .where('community_id', '=', communityId)
        .where('owner_type', '=', 'goal_pool')
        .execute();
      expect(pool).toEqual([
        { unit: 'points', owner_type: 'goal_pool', owner_id: goal.id, min_balance: 0, balance: 0 },
      ]);
    });

    it('returns the first result for a replay and refuses the key for another request', async () => {
      const { office } = await given();
      const idempotencyKey = newIdempotencyKey();
      const first = await office.api.goals.create.mutate({ idempotencyKey, ...playground });
      expect(await office.api.goals.create.mutate({ idempotencyKey, ...playground })).toEqual(
        first,
      );
      expect(await office.api.goals.list.query()).toHaveLength(1);
      await expectApiError(
        office.api.goals.create.mutate({ idempotencyKey, ...playground, targetPoints: 1 }),
        'IDEMPOTENCY_CONFLICT',
      );
    });

    it('names the field and writes nothing when the input is not valid', async () => {
      const { office } = await given();
      const error = await expectApiError(
        office.api.goals.create.mutate({
          idempotencyKey: newIdempotencyKey(),
          title: { zh: ' ', en: '' },
          targetPoints: 0,
        }),
        'VALIDATION_FAILED',
      );
      expect(error.message).toContain('title');
      expect(error.message).toContain('targetPoints');
      expect(await office.api.goals.list.query()).toEqual([]);
    });

    it('is for the office only', async () => {
      const { auditor, leaderOf, anonymous } = await given();
      const input = { idempotencyKey: newIdempotencyKey(), ...playground };
      await expectApiError(auditor.api.goals.create.mutate(input), 'FORBIDDEN');
      await expectApiError((await leaderOf([])).api.goals.create.mutate(input), 'FORBIDDEN');
      await expectApiError(anonymous.goals.create.mutate(input), 'UNAUTHORIZED');
    });
  });

  describe('goals.list', () => {
    it('shows any staff member the points raised, open goals first', async () => {
      const { office, residentApi, auditor, leaderOf } = await givenIdentifiedResident(
        server,
        database(),
        { points: 100 },
      );
      const first = await office.api.goals.create.mutate({
        idempotencyKey: newIdempotencyKey(),
        title: { zh: '长椅', en: 'Benches' },
        targetPoints: 50,
      });
      const second = await office.api.goals.create.mutate({
        idempotencyKey: newIdempotencyKey(),
        ...playground,
      });
      await residentApi.kiosk.donate.mutate({
        idempotencyKey: newIdempotencyKey(),
        goalId: second.id,
        points: 30,
      });
      await office.api.goals.close.mutate({ idempotencyKey: newIdempotencyKey(), id: first.id });

      const leader = await leaderOf([]);
      for (const reader of [office, auditor, leader]) {
        const goals = await reader.api.goals.list.query();
        expect(goals.map((g) => [g.title.en, g.status, g.raisedPoints])).toEqual([
          ['New playground', 'open', 30],
          ['Benches', 'closed', 0],
        ]);
      }
      expect((await office.api.goals.list.query({ status: 'closed' })).map((g) => g.id)).toEqual([
        first.id,
      ]);
    });

    it("never shows another community's goals, and refuses kiosks", async () => {
      const { office, communityId } = await given();
      const other = await given();
      await office.api.goals.create.mutate({ idempotencyKey: newIdempotencyKey(), ...playground });
      expect(await other.office.api.goals.list.query()).toEqual([]);
      const kiosk = await givenKiosk(server, database().db, communityId);
      await expectApiError(kiosk.api.goals.list.query(), 'UNAUTHORIZED');
    });
  });

  describe('goals.close', () => {
    it('closes a goal once', async () => {
      const { office } = await given();
      const goal = await office.api.goals.create.mutate({
        idempotencyKey: newIdempotencyKey(),
        ...playground,
      });
      const request = { idempotencyKey: newIdempotencyKey(), id: goal.id };
      const closed = await office.api.goals.close.mutate(request);
      expect(closed).toMatchObject({ id: goal.id, status: 'closed' });
      expect(closed.closedAt).not.toBeNull();
      expect(await office.api.goals.close.mutate(request)).toEqual(closed);
      await expectApiError(
        office.api.goals.close.mutate({ idempotencyKey: newIdempotencyKey(), id: goal.id }),
        'GOAL_CLOSED',
      );
    });

    it('is for the office of the same community only', async () => {
      const { office, auditor, leaderOf } = await given();
      const other = await given();
      const goal = await office.api.goals.create.mutate({
        idempotencyKey: newIdempotencyKey(),
        ...playground,
      });
      const request = () => ({ idempotencyKey: newIdempotencyKey(), id: goal.id });
      await expectApiError(auditor.api.goals.close.mutate(request()), 'FORBIDDEN');
      await expectApiError((await leaderOf([])).api.goals.close.mutate(request()), 'FORBIDDEN');
      await expectApiError(other.office.api.goals.close.mutate(request()), 'NOT_FOUND');
      expect((await office.api.goals.list.query())[0]?.status).toBe('open');
    });
  });
});
