import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type DatabaseEngine, type DatabaseHandle, openDatabase } from './connect';
import { migrateTo, migrateToLatest } from './migrate';

/**
 * Test databases: a fresh in-memory PGlite, and a fresh schema on the PostgreSQL
 * server named by TEST_DATABASE_URL, so parallel test files never collide.
 */
/** `schema` is the PostgreSQL schema a test works in (undefined on PGlite). */
export type TestDatabase = DatabaseHandle & { label: string; schema?: string };

/** `upTo` stops at that migration: the database a release before a later migration left. */
export async function openTestDatabase(
  engine: DatabaseEngine,
  { poolSize = 20, upTo }: { poolSize?: number; upTo?: string } = {},
): Promise<TestDatabase> {
  const migrate = (db: DatabaseHandle['db'], schema?: string) =>
    upTo ? migrateTo(db, upTo, { schema }) : migrateToLatest(db, { schema });
  if (engine === 'pglite') {
    const handle = await openDatabase({ dataDir: 'memory' });
    await migrate(handle.db);
    return { ...handle, label: 'PGlite' };
  }
  const url = requirePostgresUrl();
  const schema = `tally_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(url, (client) => client.query(`create schema ${schema}`));
  const handle = await openDatabase({ url, poolSize, searchPath: schema });
  await migrate(handle.db, schema);
  return {
    ...handle,
    label: 'PostgreSQL',
    schema,
    close: async () => {
      await handle.close();
      await withAdminClient(url, (client) => client.query(`drop schema ${schema} cascade`));
    },
  };
}

function requirePostgresUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  return url;
}

async function withAdminClient<T>(url: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The engines this run can test on. PostgreSQL is required in CI and loudly reported missing elsewhere. */
export function testEngines(): DatabaseEngine[] {
  if (process.env.TEST_DATABASE_URL) return ['pglite', 'postgres'];
  if (process.env.CI) {
    throw new Error(
      'TEST_DATABASE_URL must be set in CI: every ledger test runs on PostgreSQL too.',
    );
  }
  return ['pglite'];
}

/**
 * Runs the same suite once per database engine, each with its own database
 * shared by the file's tests. The suite names carry the engine, so the output
 * shows every ledger test ran on both.
 */
export function describeEachDatabase(
  title: string,
  body: (database: () => TestDatabase) => void,
  options?: { poolSize?: number },
): void {
  for (const engine of testEngines()) {
    describe(`${title} [${engine === 'pglite' ? 'PGlite' : 'PostgreSQL'}]`, () => {
      let handle: TestDatabase | undefined;
      beforeAll(async () => {
        handle = await openTestDatabase(engine, options);
      });
      afterAll(async () => {
        await handle?.close();
      });
      body(() => {
        if (!handle) throw new Error('test database is not open yet');
        return handle;
      });
    });
  }
  if (!process.env.TEST_DATABASE_URL) {
    describe(`${title} [PostgreSQL]`, () => {
      it.skip('NOT RUN: set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run on PostgreSQL', () => {});
    });
    console.warn(
      `\n⚠  ${title}: TEST_DATABASE_URL is not set, so these tests ran on PGlite only.\n`,
    );
  }
}
