import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { givenKiosk } from '../kiosk/test-helpers';
import {
  expectApiError,
  givenCommunityWithStaff,
  newIdempotencyKey,
  serveDuring,
} from '../test/api';

describeEachDatabase('rewards', (database) => {
  const server = serveDuring(database);

  const given = () => givenCommunityWithStaff(server, database());
  const tea = { name: { zh: '茶具', en: 'Tea set' }, points: 120, stock: 4, active: true };

  async function rewardRows(communityId: string) {
    return database()
      .db.selectFrom('rewards')
      .select('id')
      .where('community_id', '=', communityId)
      .execute();
  }

  describe('rewards.create', () => {
    it('adds a reward to the catalog and starts its history', async () => {
      const { office } = await given();
      const reward = await office.api.rewards.create.mutate({
        idempotencyKey: newIdempotencyKey(),
        ...tea,
        description: { zh: '四杯一壶', en: 'Four cups and a pot' },
        perResidentLimit: 1,
      });
      expect(reward).toMatchObject({
        name: { zh: '茶具', en: 'Tea set' },
        description: { zh: '四杯一壶', en: 'Four cups and a pot' },
        kind: 'goods',
        points: 120,
        stock: 4,
        perResidentLimit: 1,
        active: true,
      });
      expect(await office.api.rewards.list.query()).toEqual([reward]);
      const history = await office.api.rewards.history.query({ id: reward.id });
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({
        before: null,
        after: { name: { zh: '茶具', en: 'Tea set' }, points: 120, stock: 4 },
        changedBy: office.user.id,
        changedByName: 'Test office',
      });
    });

    it('returns the first result for a replay and refuses the key for another request', async () => {
      const { office, communityId } = await given();
      const idempotencyKey = newIdempotencyKey();
      const first = await office.api.rewards.create.mutate({ idempotencyKey, ...tea });
      const again = await office.api.rewards.create.mutate({ idempotencyKey, ...tea });
      expect(again).toEqual(first);
      expect(await rewardRows(communityId)).toHaveLength(1);
      await expectApiError(
        office.api.rewards.create.mutate({ idempotencyKey, ...tea, points: 5 }),
        'IDEMPOTENCY_CONFLICT',
      );
    });

    it('names the field and the rule and writes nothing when the input is not valid', async () => {
      const { office, communityId } = await given();
      const error = await expectApiError(
        office.api.rewards.create.mutate({
          idempotencyKey: newIdempotencyKey(),
          ...tea,
          points: 0,
          stock: -1,
        }),
        'VALIDATION_FAILED',
      );
      expect(error.message).toContain('points: A reward costs at least 1 point');
      expect(error.message).toContain('stock');
      expect(await rewardRows(communityId)).toHaveLength(0);
    });

    it('takes a name in one language only, and refuses one in neither', async () => {
      const { office, communityId } = await given();
      const ktv = await office.api.rewards.create.mutate({
        idempotencyKey: newIdempotencyKey(),
        ...tea,
        name: { zh: 'KTV 欢唱券' },
      });
      expect(ktv).toMatchObject({
        name: { zh: 'KTV 欢唱券', en: '' },
        description: { zh: '', en: '' },
      });
      const error = await expectApiError(
        office.api.rewards.create.mutate({
          idempotencyKey: newIdempotencyKey(),
          ...tea,
          name: { zh: ' ', en: '' },
        }),
        'VALIDATION_FAILED',
      );
      expect(error.message).toContain('A reward needs a name');
      expect(await rewardRows(communityId)).toHaveLength(1);
    });

    it('is for the office only', async () => {
      const { auditor, leaderOf, anonymous, communityId } = await given();
      const leader = await leaderOf([]);
      const kiosk = await givenKiosk(server, database().db, communityId);
      const input = { idempotencyKey: newIdempotencyKey(), ...tea };
      await expectApiError(leader.api.rewards.create.mutate(input), 'FORBIDDEN');
      await expectApiError(auditor.api.rewards.create.mutate(input), 'FORBIDDEN');
      await expectApiError(anonymous.rewards.create.mutate(input), 'UNAUTHORIZED');
      await expectApiError(kiosk.api.rewards.create.mutate(input), 'UNAUTHORIZED');
      expect(await rewardRows(communityId)).toHaveLength(0);
    });
  });

  describe('rewards.update', () => {
    it('changes the terms and keeps the change in the history, before and after', async () => {
      const { office } = await given();
      const reward = await office.api.rewards.create.mutate({
        idempotencyKey: newIdempotencyKey(),
        ...tea,
      });
      const updated = await office.api.rewards.update.mutate({
        idempotencyKey: newIdempotencyKey(),
        id: reward.id,
        points: 150,
        stock: 10,
      });
      expect(updated).toMatchObject({
        points: 150,
        stock: 10,
        name: { zh: '茶具', en: 'Tea set' },
      });
      await office.api.rewards.update.mutate({
        idempotencyKey: newIdempotencyKey(),
        id: reward.id,
        active: false,
        perResidentLimit: 2,
      });
      const history = await office.api.rewards.history.query({ id: reward.id });
      expect(history.map((h) => [h.before?.points ?? null, h.after.points])).toEqual([
        [null, 120],
        [120, 150],
        [150, 150],
      ]);
      expect(history[1]).toMatchObject({ before: { stock: 4 }, after: { stock: 10 } });
      expect(history[2]).toMatchObject({
        before: { active: true, perResidentLimit: null },
        after: { active: false, perResidentLimit: 2 },
      });
      expect(await office.api.rewards.list.query()).toMatchObject([
        { id: reward.id, active: false, points: 150, stock: 10 },
      ]);
    });

    it('replays a retried change without recording it twice', async () => {
      const { office } = await given();
      const reward = await office.api.rewards.create.mutate({
        idempotencyKey: newIdempotencyKey(),
        ...tea,
      });
      const change = { idempotencyKey: newIdempotencyKey(), id: reward.id, stock: 9 };
      const first = await office.api.rewards.update.mutate(change);
      expect(await office.api.rewards.update.mutate(change)).toEqual(first);
      expect(await office.api.rewards.history.query({ id: reward.id })).toHaveLength(2);
      await expectApiError(
        office.api.rewards.update.mutate({ ...change, stock: 8 }),
        'IDEMPOTENCY_CONFLICT',
      );
    });

    it('refuses a change that changes nothing', async () => {
      const { office } = await given();
      const reward = await office.api.rewards.create.mutate({
        idempotencyKey: newIdempotencyKey(),
        ...tea,
      });
      await expectApiError(
        office.api.rewards.update.mutate({ idempotencyKey: newIdempotencyKey(), id: reward.id }),
        'VALIDATION_FAILED',
      );
    });

    it("cannot touch another community's reward, and is for the office only", async () => {
      const { office, auditor, leaderOf } = await given();
      const other = await given();
      const reward = await office.api.rewards.create.mutate({
        idempotencyKey: newIdempotencyKey(),
        ...tea,
      });
      const change = { idempotencyKey: newIdempotencyKey(), id: reward.id, stock: 0 };
      await expectApiError(other.office.api.rewards.update.mutate(change), 'NOT_FOUND');
      await expectApiError(auditor.api.rewards.update.mutate(change), 'FORBIDDEN');
      await expectApiError((await leaderOf([])).api.rewards.update.mutate(change), 'FORBIDDEN');
      expect((await office.api.rewards.list.query())[0]?.stock).toBe(4);
    });
  });

  describe('rewards.list and rewards.history', () => {
    it('let the office and auditors read their own community only', async () => {
      const { office, auditor, leaderOf } = await given();
      const other = await given();
      const reward = await office.api.rewards.create.mutate({
        idempotencyKey: newIdempotencyKey(),
        ...tea,
      });
      expect(await auditor.api.rewards.list.query()).toEqual([reward]);
      expect(await auditor.api.rewards.history.query({ id: reward.id })).toHaveLength(1);
      expect(await other.auditor.api.rewards.list.query()).toEqual([]);
      await expectApiError(other.office.api.rewards.history.query({ id: reward.id }), 'NOT_FOUND');
      const leader = await leaderOf([]);
      await expectApiError(leader.api.rewards.list.query(), 'FORBIDDEN');
      await expectApiError(leader.api.rewards.history.query({ id: reward.id }), 'FORBIDDEN');
    });

    it('lists active rewards first, then by name', async () => {
      const { office } = await given();
      for (const [name, active] of [
        ['Umbrella', true],
        ['Apron', false],
        ['Bread', true],
      ] as const) {
        await office.api.rewards.create.mutate({
          idempotencyKey: newIdempotencyKey(),
          ...tea,
          name: { zh: '', en: name },
          active,
        });
      }
      const names = (await office.api.rewards.list.query()).map((r) => r.name.en);
      expect(names).toEqual(['Bread', 'Umbrella', 'Apron']);
    });
  });
});
