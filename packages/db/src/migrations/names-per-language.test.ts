import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../migrate';
import { openTestDatabase, type TestDatabase, testEngines } from '../testing';

// The database the previous release left (migrated up to membership consent), holding names
// in the old one-string form, then upgraded: each name lands in the language it is written in.

const previousRelease = '2026-12-07-04-membership-consent';

for (const engine of testEngines()) {
  describe(`names per language, upgrading the previous release [${engine}]`, () => {
    let database: TestDatabase;
    const communityId = randomUUID();
    const ids = { rice: randomUUID(), ktv: randomUUID(), tea: randomUUID(), fan: randomUUID() };

    beforeAll(async () => {
      database = await openTestDatabase(engine, { upTo: previousRelease });
      const { db } = database;
      await sql`insert into communities (id, name) values (${communityId}, 'Q Community · 青桐社区')`.execute(
        db,
      );
      const reward = (id: string, name: string, description: string) =>
        sql`insert into rewards (community_id, id, name, description, points, stock)
            values (${communityId}, ${id}, ${name}, ${description}, 10, 5)`.execute(db);
      await reward(ids.rice, 'Rice 5 kg · 大米 5 公斤', 'Northeast rice. 东北大米。');
      await reward(ids.ktv, 'KTV 欢唱券', '');
      await reward(ids.tea, '茶叶 · Green tea', 'A box of tea');
      await reward(ids.fan, 'Desk fan', '台式电风扇，夏天用');
      await sql`insert into reward_changes (community_id, id, reward_id, changed_by, before, after)
        values (${communityId}, ${randomUUID()}, ${ids.rice}, ${randomUUID()}, null,
                ${JSON.stringify({ name: 'Rice 5 kg · 大米 5 公斤', description: '', points: 10 })})`.execute(
        db,
      );
      await sql`insert into organizations (community_id, id, name, description)
        values (${communityId}, ${randomUUID()}, 'Green Team · 绿色家园志愿队', 'Keeps the courtyards clean.'),
               (${communityId}, ${randomUUID()}, '夕阳红合唱团', '')`.execute(db);
      const accountId = randomUUID();
      await sql`insert into ledger_accounts (community_id, id, unit, owner_type)
        values (${communityId}, ${accountId}, 'points', 'goal')`.execute(db);
      await sql`insert into goals (community_id, id, title, description, target_points, account_id)
        values (${communityId}, ${randomUUID()}, 'Courtyard benches · 庭院长椅', 'New benches. 新长椅。', 100, ${accountId})`.execute(
        db,
      );
      await migrateToLatest(db, { schema: database.schema });
    });
    afterAll(async () => {
      await database?.close();
    });

    it('splits a community name written "English · 中文"', async () => {
      const { rows } = await sql`select name_zh, name_en from communities`.execute(database.db);
      expect(rows).toEqual([{ name_zh: '青桐社区', name_en: 'Q Community' }]);
    });

    it('splits reward names and descriptions that are plainly two halves, in either order', async () => {
      const { rows } = await sql<Record<string, string>>`
        select id, name_zh, name_en, description_zh, description_en from rewards`.execute(
        database.db,
      );
      const byId = new Map(rows.map(({ id, ...names }) => [id, names]));
      expect(byId.get(ids.rice)).toEqual({
        name_zh: '大米 5 公斤',
        name_en: 'Rice 5 kg',
        description_zh: '东北大米。',
        description_en: 'Northeast rice.',
      });
      expect(byId.get(ids.tea)).toMatchObject({ name_zh: '茶叶', name_en: 'Green tea' });
      expect(byId.get(ids.tea)).toMatchObject({
        description_zh: '',
        description_en: 'A box of tea',
      });
    });

    it('keeps a name that is not two halves whole, in the language it is written in', async () => {
      const { rows } = await sql<Record<string, string>>`
        select id, name_zh, name_en, description_zh, description_en from rewards`.execute(
        database.db,
      );
      const byId = new Map(rows.map(({ id, ...names }) => [id, names]));
      expect(byId.get(ids.ktv)).toEqual({
        name_zh: 'KTV 欢唱券',
        name_en: '',
        description_zh: '',
        description_en: '',
      });
      expect(byId.get(ids.fan)).toEqual({
        name_zh: '',
        name_en: 'Desk fan',
        description_zh: '台式电风扇，夏天用',
        description_en: '',
      });
    });

    it('splits organization names and goal titles the same way', async () => {
      const organizations = await sql`
        select name_zh, name_en, description_zh, description_en from organizations order by name_zh`.execute(
        database.db,
      );
      expect(organizations.rows).toEqual([
        { name_zh: '夕阳红合唱团', name_en: '', description_zh: '', description_en: '' },
        {
          name_zh: '绿色家园志愿队',
          name_en: 'Green Team',
          description_zh: '',
          description_en: 'Keeps the courtyards clean.',
        },
      ]);
      const goals =
        await sql`select title_zh, title_en, description_zh, description_en from goals`.execute(
          database.db,
        );
      expect(goals.rows).toEqual([
        {
          title_zh: '庭院长椅',
          title_en: 'Courtyard benches',
          description_zh: '新长椅。',
          description_en: 'New benches.',
        },
      ]);
    });

    it('gives the reward history the same per-language names', async () => {
      const { rows } = await sql<{ after: unknown }>`select after from reward_changes`.execute(
        database.db,
      );
      expect(rows[0]?.after).toEqual({
        name: { zh: '大米 5 公斤', en: 'Rice 5 kg' },
        description: { zh: '', en: '' },
        points: 10,
      });
    });

    it('no longer has the single-string columns, and refuses a name in neither language', async () => {
      const { rows } = await sql<{ column_name: string }>`
        select column_name from information_schema.columns
         where table_schema = current_schema() and table_name in ('rewards', 'goals', 'organizations', 'communities')
           and column_name in ('name', 'title', 'description')`.execute(database.db);
      expect(rows).toEqual([]);
      await expect(
        sql`insert into rewards (community_id, id, points, stock) values (${communityId}, ${randomUUID()}, 1, 1)`.execute(
          database.db,
        ),
      ).rejects.toThrow(/rewards_name_given/);
    });
  });
}
