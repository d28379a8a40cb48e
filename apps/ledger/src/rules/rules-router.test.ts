import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { countRows } from '../service/test-helpers';
import {
  expectApiError,
  givenCommunityWithStaff,
  newIdempotencyKey,
  serveDuring,
} from '../test/api';

const terms = {
  basePointsPerHour: 20,
  categoryWeights: { elderly_care: 150 },
  dailyCapPoints: 200,
  firstParticipationBonus: 30,
};

describeEachDatabase('rules', (database) => {
  const server = serveDuring(database);

  describe('rules.get', () => {
    it('publishes the default rule as version 1 the first time any staff member asks', async () => {
      const { auditor, office, communityId, leaderOf } = await givenCommunityWithStaff(
        server,
        database(),
      );
      const leader = await leaderOf([]);
      const rule = await leader.api.rules.get.query();
      expect(rule).toEqual({
        version: 1,
        basePointsPerHour: 10,
        categoryWeights: {},
        dailyCapPoints: null,
        firstParticipationBonus: null,
        publishedAt: expect.any(String),
        timeBankEarns: false,
        publishedBy: null,
      });
      expect(await auditor.api.rules.get.query()).toEqual(rule);
      expect(await office.api.rules.get.query()).toEqual(rule);
      expect(await countRows(database(), 'earning_rules', communityId)).toBe(1);
      const audit = await database()
        .db.selectFrom('audit_log')
        .select(['actor_type', 'action'])
        .where('community_id', '=', communityId)
        .where('action', 'like', 'rules.%')
        .execute();
      expect(audit).toEqual([{ actor_type: 'system', action: 'rules.publish_default' }]);
    });

    it('returns the newest published version', async () => {
      const { office, leaderOf } = await givenCommunityWithStaff(server, database());
      await office.api.rules.publish.mutate({ idempotencyKey: newIdempotencyKey(), ...terms });
      const leader = await leaderOf([]);
      expect(await leader.api.rules.get.query()).toMatchObject({ version: 1, ...terms });
    });

    it('refuses a caller who is not signed in', async () => {
      const { anonymous } = await givenCommunityWithStaff(server, database());
      await expectApiError(anonymous.rules.get.query(), 'UNAUTHORIZED');
    });
  });

  describe('rules.publish', () => {
    it('publishes immutable versions numbered one after another', async () => {
      const { office, communityId } = await givenCommunityWithStaff(server, database());
      await office.api.rules.get.query();
      const second = await office.api.rules.publish.mutate({
        idempotencyKey: newIdempotencyKey(),
        ...terms,
      });
      expect(second).toEqual({
        version: 2,
        ...terms,
        timeBankEarns: false,
        publishedAt: expect.any(String),
        publishedBy: { id: office.user.id, displayName: 'Test office' },
      });
      const third = await office.api.rules.publish.mutate({
        idempotencyKey: newIdempotencyKey(),
        basePointsPerHour: 12,
        categoryWeights: {},
      });
      expect(third).toMatchObject({
        version: 3,
        dailyCapPoints: null,
        firstParticipationBonus: null,
      });
      const list = await office.api.rules.list.query();
      expect(list.map((rule) => [rule.version, rule.basePointsPerHour])).toEqual([
        [3, 12],
        [2, 20],
        [1, 10],
      ]);
      const audit = await database()
        .db.selectFrom('audit_log')
        .select(['action', 'actor_id', 'target_id'])
        .where('community_id', '=', communityId)
        .where('action', '=', 'rules.publish')
        .orderBy('id')
        .execute();
      expect(audit).toEqual([
        { action: 'rules.publish', actor_id: office.user.id, target_id: '2' },
        { action: 'rules.publish', actor_id: office.user.id, target_id: '3' },
      ]);
    });

    it('gives each of many publishes at once its own version', async () => {
      const { office, communityId } = await givenCommunityWithStaff(server, database());
      const published = await Promise.all(
        [1, 2, 3, 4, 5].map((n) =>
          office.api.rules.publish.mutate({
            idempotencyKey: newIdempotencyKey(),
            basePointsPerHour: n,
            categoryWeights: {},
          }),
        ),
      );
      expect(published.map((rule) => rule.version).sort()).toEqual([1, 2, 3, 4, 5]);
      expect(await countRows(database(), 'earning_rules', communityId)).toBe(5);
    });

    it('refuses leaders and auditors', async () => {
      const { auditor, leaderOf } = await givenCommunityWithStaff(server, database());
      const leader = await leaderOf([]);
      for (const api of [auditor.api, leader.api]) {
        await expectApiError(
          api.rules.publish.mutate({ idempotencyKey: newIdempotencyKey(), ...terms }),
          'FORBIDDEN',
        );
      }
    });

    it('names the field and the rule for invalid terms, and publishes nothing', async () => {
      const { office, communityId } = await givenCommunityWithStaff(server, database());
      const error = await expectApiError(
        office.api.rules.publish.mutate({
          idempotencyKey: newIdempotencyKey(),
          basePointsPerHour: -1,
          categoryWeights: { culture: 5000 },
        }),
        'VALIDATION_FAILED',
      );
      expect(error.message).toContain('basePointsPerHour');
      expect(error.message).toContain('categoryWeights.culture');
      await expectApiError(
        office.api.rules.publish.mutate({
          idempotencyKey: newIdempotencyKey(),
          basePointsPerHour: 10,
          // @ts-expect-error: not a category the domain knows
          categoryWeights: { gardening: 100 },
        }),
        'VALIDATION_FAILED',
      );
      expect(await countRows(database(), 'earning_rules', communityId)).toBe(0);
    });

    it('returns the first version for a replay and refuses the key for other terms', async () => {
      const { office, communityId } = await givenCommunityWithStaff(server, database());
      const request = { idempotencyKey: newIdempotencyKey(), ...terms };
      const first = await office.api.rules.publish.mutate(request);
      expect(await office.api.rules.publish.mutate(request)).toEqual(first);
      expect(await countRows(database(), 'earning_rules', communityId)).toBe(1);
      await expectApiError(
        office.api.rules.publish.mutate({ ...request, basePointsPerHour: 99 }),
        'IDEMPOTENCY_CONFLICT',
      );
    });

    it("keeps each community's versions apart", async () => {
      const home = await givenCommunityWithStaff(server, database());
      const away = await givenCommunityWithStaff(server, database());
      await home.office.api.rules.publish.mutate({ idempotencyKey: newIdempotencyKey(), ...terms });
      await home.office.api.rules.publish.mutate({ idempotencyKey: newIdempotencyKey(), ...terms });
      expect(await away.office.api.rules.get.query()).toMatchObject({
        version: 1,
        basePointsPerHour: 10,
      });
      expect(await away.auditor.api.rules.list.query()).toHaveLength(1);
    });
  });

  describe('rules.list', () => {
    it('is for the office and auditors, not leaders', async () => {
      const { auditor, leaderOf } = await givenCommunityWithStaff(server, database());
      expect(await auditor.api.rules.list.query()).toEqual([]);
      const leader = await leaderOf([]);
      await expectApiError(leader.api.rules.list.query(), 'FORBIDDEN');
    });
  });
});
