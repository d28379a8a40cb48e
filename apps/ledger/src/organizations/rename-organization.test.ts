import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { auditActions } from '../residents/test-helpers';
import {
  expectApiError,
  givenCommunityWithStaff,
  newIdempotencyKey,
  serveDuring,
} from '../test/api';

describeEachDatabase('organizations.update', (database) => {
  const server = serveDuring(database);

  const db = () => database().db;

  /** A community whose office set up the choir. */
  async function givenChoir() {
    const given = await givenCommunityWithStaff(server, database());
    const choir = await given.office.api.organizations.create.mutate({
      idempotencyKey: newIdempotencyKey(),
      name: { zh: '合唱团', en: 'Choir' },
      description: { en: 'Sings on Sundays' },
    });
    return { ...given, choir };
  }

  const storedNames = (communityId: string) =>
    db()
      .selectFrom('organizations')
      .select(['name_zh', 'name_en', 'description_zh', 'description_en'])
      .where('community_id', '=', communityId)
      .orderBy('created_at')
      .execute();

  describe('renaming', () => {
    it('renames an organization in each language and audits what changed', async () => {
      const { office, communityId, choir } = await givenChoir();
      const renamed = await office.api.organizations.update.mutate({
        idempotencyKey: newIdempotencyKey(),
        id: choir.id,
        name: { zh: ' 银龄合唱团 ', en: 'Silver Choir' },
      });
      expect(renamed).toEqual({
        ...choir,
        name: { zh: '银龄合唱团', en: 'Silver Choir' },
      });
      expect(await office.api.organizations.list.query()).toEqual([renamed]);
      const audit = await auditActions(db(), communityId);
      expect(audit.at(-1)).toEqual(
        expect.objectContaining({
          action: 'organizations.update',
          actor_id: office.user.id,
          target_id: choir.id,
          details: {
            before: { zh: '合唱团', en: 'Choir' },
            after: { zh: '银龄合唱团', en: 'Silver Choir' },
            changed: ['name'],
          },
        }),
      );
    });

    it('rewords the description when one is given', async () => {
      const { office, communityId, choir } = await givenChoir();
      const renamed = await office.api.organizations.update.mutate({
        idempotencyKey: newIdempotencyKey(),
        id: choir.id,
        name: choir.name,
        description: { zh: '周日唱歌', en: 'Sings on Sundays' },
      });
      expect(renamed.description).toEqual({ zh: '周日唱歌', en: 'Sings on Sundays' });
      const [entry] = (await auditActions(db(), communityId)).slice(-1);
      expect(entry?.details).toMatchObject({ changed: ['description'] });
    });

    it('keeps names unique in the community in either language', async () => {
      const { office, communityId, choir } = await givenChoir();
      await office.api.organizations.create.mutate({
        idempotencyKey: newIdempotencyKey(),
        name: { zh: '舞蹈队', en: 'Dancers' },
      });
      const rename = (name: { zh?: string; en?: string }) =>
        office.api.organizations.update.mutate({
          idempotencyKey: newIdempotencyKey(),
          id: choir.id,
          name,
        });
      const error = await expectApiError(rename({ zh: '合唱团', en: 'Dancers' }), 'DUPLICATE');
      expect(error.message).toBe('An organization with that name already exists.');
      await expectApiError(rename({ zh: '舞蹈队' }), 'DUPLICATE');
      // Its own names are no clash, nor is another's empty other language.
      await rename({ zh: '合唱团', en: 'The Choir' });
      expect(await storedNames(communityId)).toEqual([
        {
          name_zh: '合唱团',
          name_en: 'The Choir',
          description_zh: '',
          description_en: 'Sings on Sundays',
        },
        { name_zh: '舞蹈队', name_en: 'Dancers', description_zh: '', description_en: '' },
      ]);
      expect((await auditActions(db(), communityId)).map((a) => a.action)).toEqual([
        'organizations.create',
        'organizations.create',
        'organizations.update',
      ]);
    });

    it('refuses a name in neither language and writes nothing', async () => {
      const { office, communityId, choir } = await givenChoir();
      const error = await expectApiError(
        office.api.organizations.update.mutate({
          idempotencyKey: newIdempotencyKey(),
          id: choir.id,
          name: { zh: ' ', en: '' },
        }),
        'VALIDATION_FAILED',
      );
      expect(error.message).toContain('Enter a name');
      expect((await storedNames(communityId))[0]).toMatchObject({
        name_zh: '合唱团',
        name_en: 'Choir',
      });
      expect(await auditActions(db(), communityId)).toHaveLength(1);
    });

    it('replays a retried rename without auditing it twice, and refuses the key for another', async () => {
      const { office, communityId, choir } = await givenChoir();
      const change = { idempotencyKey: newIdempotencyKey(), id: choir.id, name: { en: 'Singers' } };
      const first = await office.api.organizations.update.mutate(change);
      expect(await office.api.organizations.update.mutate(change)).toEqual(first);
      expect(await auditActions(db(), communityId)).toHaveLength(2);
      await expectApiError(
        office.api.organizations.update.mutate({ ...change, name: { en: 'Voices' } }),
        'IDEMPOTENCY_CONFLICT',
      );
    });
  });

  describe('who may rename', () => {
    it("is for the office only, and cannot touch another community's organization", async () => {
      const { auditor, leaderOf, communityId, choir } = await givenChoir();
      const other = await givenCommunityWithStaff(server, database());
      const leader = await leaderOf([choir.id]);
      const change = { idempotencyKey: newIdempotencyKey(), id: choir.id, name: { en: 'Mine' } };
      await expectApiError(auditor.api.organizations.update.mutate(change), 'FORBIDDEN');
      await expectApiError(leader.api.organizations.update.mutate(change), 'FORBIDDEN');
      await expectApiError(other.office.api.organizations.update.mutate(change), 'NOT_FOUND');
      expect((await storedNames(communityId))[0]).toMatchObject({ name_en: 'Choir' });
      expect(await auditActions(db(), other.communityId)).toEqual([]);
    });
  });
});
