import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { auditActions } from '../residents/test-helpers';
import {
  expectApiError,
  givenCommunityWithStaff,
  newIdempotencyKey,
  serveDuring,
} from '../test/api';

describeEachDatabase('goals.update', (database) => {
  const server = serveDuring(database);

  const db = () => database().db;

  /** A community whose office opened a goal for a playground. */
  async function givenPlayground() {
    const given = await givenCommunityWithStaff(server, database());
    const goal = await given.office.api.goals.create.mutate({
      idempotencyKey: newIdempotencyKey(),
      title: { zh: '新游乐场', en: 'New playground' },
      targetPoints: 5000,
    });
    return { ...given, goal };
  }

  const storedGoal = (communityId: string) =>
    db()
      .selectFrom('goals')
      .select(['title_zh', 'title_en', 'description_zh', 'description_en', 'target_points'])
      .where('community_id', '=', communityId)
      .executeTakeFirstOrThrow();

  describe('retitling', () => {
    it('retitles an open goal in each language, rewords it, and audits what changed', async () => {
      const { office, communityId, goal } = await givenPlayground();
      const updated = await office.api.goals.update.mutate({
        idempotencyKey: newIdempotencyKey(),
        id: goal.id,
        title: { zh: ' 东院游乐场 ', en: 'East yard playground' },
        description: { zh: '秋千和滑梯', en: 'Swings and a slide' },
      });
      expect(updated).toEqual({
        ...goal,
        title: { zh: '东院游乐场', en: 'East yard playground' },
        description: { zh: '秋千和滑梯', en: 'Swings and a slide' },
      });
      expect(await office.api.goals.list.query()).toEqual([updated]);
      expect((await auditActions(db(), communityId)).at(-1)).toEqual(
        expect.objectContaining({
          action: 'goals.update',
          actor_id: office.user.id,
          target_id: goal.id,
          details: {
            before: { zh: '新游乐场', en: 'New playground' },
            after: { zh: '东院游乐场', en: 'East yard playground' },
            changed: ['title', 'description'],
          },
        }),
      );
    });

    it('leaves the description as it was when none is given', async () => {
      const { office, communityId, goal } = await givenPlayground();
      await office.api.goals.update.mutate({
        idempotencyKey: newIdempotencyKey(),
        id: goal.id,
        title: { en: 'Playground' },
      });
      expect(await storedGoal(communityId)).toEqual({
        title_zh: '',
        title_en: 'Playground',
        description_zh: '',
        description_en: '',
        target_points: 5000,
      });
    });

    it('refuses a title in neither language and writes nothing', async () => {
      const { office, communityId, goal } = await givenPlayground();
      const error = await expectApiError(
        office.api.goals.update.mutate({
          idempotencyKey: newIdempotencyKey(),
          id: goal.id,
          title: { zh: '', en: '  ' },
        }),
        'VALIDATION_FAILED',
      );
      expect(error.message).toContain('A goal needs a title');
      expect(await storedGoal(communityId)).toMatchObject({ title_en: 'New playground' });
      expect(await auditActions(db(), communityId)).toHaveLength(1);
    });

    it('refuses to retitle a closed goal', async () => {
      const { office, communityId, goal } = await givenPlayground();
      await office.api.goals.close.mutate({ idempotencyKey: newIdempotencyKey(), id: goal.id });
      await expectApiError(
        office.api.goals.update.mutate({
          idempotencyKey: newIdempotencyKey(),
          id: goal.id,
          title: { en: 'Too late' },
        }),
        'GOAL_CLOSED',
      );
      expect(await storedGoal(communityId)).toMatchObject({ title_en: 'New playground' });
    });

    it('replays a retried change without auditing it twice, and refuses the key for another', async () => {
      const { office, communityId, goal } = await givenPlayground();
      const change = { idempotencyKey: newIdempotencyKey(), id: goal.id, title: { en: 'Swings' } };
      const first = await office.api.goals.update.mutate(change);
      expect(await office.api.goals.update.mutate(change)).toEqual(first);
      expect(await auditActions(db(), communityId)).toHaveLength(2);
      await expectApiError(
        office.api.goals.update.mutate({ ...change, title: { en: 'Slides' } }),
        'IDEMPOTENCY_CONFLICT',
      );
    });
  });

  describe('who may retitle', () => {
    it("is for the office only, and cannot touch another community's goal", async () => {
      const { auditor, leaderOf, communityId, goal } = await givenPlayground();
      const other = await givenCommunityWithStaff(server, database());
      const change = { idempotencyKey: newIdempotencyKey(), id: goal.id, title: { en: 'Mine' } };
      await expectApiError(auditor.api.goals.update.mutate(change), 'FORBIDDEN');
      await expectApiError((await leaderOf([])).api.goals.update.mutate(change), 'FORBIDDEN');
      await expectApiError(other.office.api.goals.update.mutate(change), 'NOT_FOUND');
      expect(await storedGoal(communityId)).toMatchObject({ title_en: 'New playground' });
      expect(await auditActions(db(), other.communityId)).toEqual([]);
    });
  });
});
