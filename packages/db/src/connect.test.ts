import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './connect';
import { isSchemaCurrent, migrateToLatest } from './migrate';
import { describeEachDatabase } from './testing';

describeEachDatabase('the database layer', (database) => {
  it('applies every migration and reports the schema current', async () => {
    const { db, schema } = database();
    expect(await isSchemaCurrent(db, schema)).toBe(true);
    const { results } = await migrateToLatest(db, { schema });
    expect(results).toEqual([]);
  });

  it('leaves the planner statistics of every table fresh after migrating', async () => {
    const { db } = database();
    // reltuples is -1 for a table that was never analyzed (PostgreSQL 14 and later).
    const { rows } = await sql<{ name: string }>`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = current_schema() and c.relkind = 'r' and c.reltuples < 0`.execute(db);
    expect(rows).toEqual([]);
  });

  it('returns bigint columns as exact numbers', async () => {
    const { db } = database();
    const { rows } = await sql<{ n: number }>`select 9007199254740991::bigint as n`.execute(db);
    expect(rows[0]?.n).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses a bigint JavaScript cannot hold exactly rather than rounding it', async () => {
    const { db } = database();
    await expect(sql`select 9007199254740993::bigint as n`.execute(db)).rejects.toThrow(
      'outside the safe range',
    );
  });
});

describe('the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tally-pglite-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps its data in the data folder across restarts', async () => {
    const first = await openDatabase({ dataDir });
    await migrateToLatest(first.db);
    await first.db
      .insertInto('communities')
      .values({ id: '7f1f5a52-4a4e-4d8e-9d1c-0c0f0c0f0c0f', name_en: 'Q Community' })
      .execute();
    await first.close();

    const second = await openDatabase({ dataDir });
    expect(await isSchemaCurrent(second.db)).toBe(true);
    const rows = await second.db.selectFrom('communities').select('name_en').execute();
    await second.close();
    expect(rows).toEqual([{ name_en: 'Q Community' }]);
  });
});
