import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { givenKiosk } from '../kiosk/test-helpers';
import { auditActions } from '../residents/test-helpers';
import {
  expectApiError,
  givenCommunityWithStaff,
  newIdempotencyKey,
  serveDuring,
} from '../test/api';

describeEachDatabase('the community API', (database) => {
  const server = serveDuring(database);

  const db = () => database().db;
  const given = () => givenCommunityWithStaff(server, database());
  const qCommunity = { zh: 'Q 社区', en: 'Q Community' };

  async function storedName(communityId: string) {
    return db()
      .selectFrom('communities')
      .select(['name_zh', 'name_en'])
      .where('id', '=', communityId)
      .executeTakeFirstOrThrow();
  }

  describe('community.get', () => {
    it("shows every member of staff their own community's name and time zone", async () => {
      const { office, auditor, leaderOf, communityId } = await given();
      const other = await given();
      const leader = await leaderOf([]);
      const community = await office.api.community.get.query();
      expect(community).toEqual({
        id: communityId,
        name: { zh: '', en: expect.stringMatching(/^Test community /) },
        timeZone: 'Asia/Shanghai',
        noticeDays: expect.any(Number),
        createdAt: expect.any(String),
      });
      expect(await auditor.api.community.get.query()).toEqual(community);
      expect(await leader.api.community.get.query()).toEqual(community);
      expect((await other.office.api.community.get.query()).id).toBe(other.communityId);
    });

    it('is for staff only', async () => {
      const { anonymous, communityId } = await given();
      const kiosk = await givenKiosk(server, db(), communityId);
      await expectApiError(anonymous.community.get.query(), 'UNAUTHORIZED');
      await expectApiError(kiosk.api.community.get.query(), 'UNAUTHORIZED');
    });
  });

  describe('community.update', () => {
    it('renames the community in each language and audits the names before and after', async () => {
      const { office, auditor, communityId } = await given();
      const before = await office.api.community.get.query();
      const renamed = await office.api.community.update.mutate({
        idempotencyKey: newIdempotencyKey(),
        name: { zh: ' Q 社区 ', en: 'Q Community ' },
      });
      expect(renamed).toEqual({ ...before, name: qCommunity });
      expect(await auditor.api.community.get.query()).toEqual(renamed);
      expect(await auditActions(db(), communityId)).toEqual([
        expect.objectContaining({
          action: 'community.update',
          actor_id: office.user.id,
          target_id: communityId,
          details: { before: before.name, after: qCommunity },
        }),
      ]);
    });

    it('takes a name in one language only, and refuses one in neither, writing nothing', async () => {
      const { office, communityId } = await given();
      const chinese = await office.api.community.update.mutate({
        idempotencyKey: newIdempotencyKey(),
        name: { zh: '幸福里社区' },
      });
      expect(chinese.name).toEqual({ zh: '幸福里社区', en: '' });
      const error = await expectApiError(
        office.api.community.update.mutate({
          idempotencyKey: newIdempotencyKey(),
          name: { zh: ' ', en: '' },
        }),
        'VALIDATION_FAILED',
      );
      expect(error.message).toContain('A community needs a name');
      expect(await storedName(communityId)).toEqual({ name_zh: '幸福里社区', name_en: '' });
      expect(await auditActions(db(), communityId)).toHaveLength(1);
    });

    it('replays a retried rename without auditing it twice, and refuses the key for another', async () => {
      const { office, communityId } = await given();
      const change = { idempotencyKey: newIdempotencyKey(), name: qCommunity };
      const first = await office.api.community.update.mutate(change);
      expect(await office.api.community.update.mutate(change)).toEqual(first);
      expect(await auditActions(db(), communityId)).toHaveLength(1);
      await expectApiError(
        office.api.community.update.mutate({ ...change, name: { en: 'Elsewhere' } }),
        'IDEMPOTENCY_CONFLICT',
      );
      expect(await storedName(communityId)).toEqual({ name_zh: 'Q 社区', name_en: 'Q Community' });
    });

    it("is for the office only, and renames no other community than the office's own", async () => {
      const { office, auditor, leaderOf, anonymous, communityId } = await given();
      const other = await given();
      const otherName = await storedName(other.communityId);
      const change = { idempotencyKey: newIdempotencyKey(), name: qCommunity };
      await expectApiError(auditor.api.community.update.mutate(change), 'FORBIDDEN');
      await expectApiError((await leaderOf([])).api.community.update.mutate(change), 'FORBIDDEN');
      await expectApiError(anonymous.community.update.mutate(change), 'UNAUTHORIZED');
      // A community id in the input is not part of the procedure: it is the caller's own.
      await office.api.community.update.mutate({
        ...change,
        communityId: other.communityId,
      } as typeof change);
      expect(await storedName(communityId)).toEqual({ name_zh: 'Q 社区', name_en: 'Q Community' });
      expect(await storedName(other.communityId)).toEqual(otherName);
      expect(await auditActions(db(), other.communityId)).toEqual([]);
    });
  });
});
