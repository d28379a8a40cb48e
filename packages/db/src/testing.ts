import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type DatabaseEngine, type DatabaseHandle, openDatabase } from './connect';
import { migrateTo, migrateToLatest } from './migrate';

/**
 * Test databases: a fresh in-memory PGlite, and a fresh schema on the PostgreSQL
 * server named by TEST_DATABASE_URL, so parallel test files never collide.
 *
 * Through a transaction pooler (TEST_POOLED=1 with TEST_DATABASE_URL at pgbouncer, or a test
 * asking for TEST_POOLER_URL) a schema cannot be pinned: pgbouncer passes no startup `options`,
 * and a `set search_path` would stay on whichever server connection ran it. There each test
 * database is a PostgreSQL database of its own, created on the server and reached through the
 * pooler's catch-all entry, so a connection needs no session state to find its tables.
 */
/**
 * `schema` is the PostgreSQL schema a test works in (undefined on PGlite and through a pooler);
 * `connection` opens more pools on the same database (a second service instance, a replica's
 * view of it), undefined on PGlite.
 */
export type TestDatabase = DatabaseHandle & {
  label: string;
  schema?: string;
  connection?: { url: string; searchPath?: string };
};

/**
 * `upTo` stops at that migration: the database a release before a later migration left.
 * `pooler` is a transaction pooler's address (e.g. TEST_POOLER_URL) to connect through.
 */
export async function openTestDatabase(
  engine: DatabaseEngine,
  { poolSize = 20, upTo, pooler }: { poolSize?: number; upTo?: string; pooler?: string } = {},
): Promise<TestDatabase> {
  const migrate = (db: DatabaseHandle['db'], schema?: string) =>
    upTo ? migrateTo(db, upTo, { schema }) : migrateToLatest(db, { schema });
  if (engine === 'pglite') {
    const handle = await openDatabase({ dataDir: 'memory' });
    await migrate(handle.db);
    return { ...handle, label: 'PGlite' };
  }
  const url = requirePostgresUrl();
  const poolerUrl = pooler ?? (testsArePooled() ? url : undefined);
  if (poolerUrl) return openPooledTestDatabase({ adminUrl: url, poolerUrl, poolSize, migrate });
  const schema = `tally_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(url, (client) => client.query(`create schema ${schema}`));
  const handle = await openDatabase({ url, poolSize, searchPath: schema });
  await migrate(handle.db, schema);
  return {
    ...handle,
    label: 'PostgreSQL',
    schema,
    connection: { url, searchPath: schema },
    close: async () => {
      await handle.close();
      await withAdminClient(url, (client) => client.query(`drop schema ${schema} cascade`));
    },
  };
}

/** TEST_POOLED=1: TEST_DATABASE_URL is a transaction pooler, and tests run through it only. */
export function testsArePooled(): boolean {
  return process.env.TEST_POOLED === '1';
}

async function openPooledTestDatabase({
  adminUrl,
  poolerUrl,
  poolSize,
  migrate,
}: {
  adminUrl: string;
  poolerUrl: string;
  poolSize: number;
  migrate: (db: DatabaseHandle['db']) => Promise<unknown>;
}): Promise<TestDatabase> {
  const name = `tally_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(poolerUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.href, poolSize });
  await migrate(handle.db);
  return {
    ...handle,
    label: 'PostgreSQL through a pooler',
    connection: { url: url.href },
    close: async () => {
      await handle.close();
      // The pooler still holds idle server connections to it: force them closed.
      await withAdminClient(adminUrl, (client) =>
        client.query(`drop database ${name} with (force)`),
      );
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
  if (testsArePooled()) {
    if (!process.env.TEST_DATABASE_URL)
      throw new Error('TEST_POOLED=1 needs TEST_DATABASE_URL at the pooler (e.g. port 6432).');
    // The pooled run repeats tests the ordinary run has already run on PGlite.
    return ['postgres'];
  }
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

/**
 * A suite that needs a server besides TEST_DATABASE_URL's: a streaming replica
 * (TEST_DATABASE_READ_URL) or a transaction pooler (TEST_POOLER_URL). In CI a missing address
 * fails the run; elsewhere the suite is reported NOT RUN, loudly, rather than passing unseen.
 * Such suites run on PostgreSQL only (PGlite has neither).
 */
export function describeWithServer(
  title: string,
  { env, example }: { env: string; example: string },
  body: (url: string) => void,
): void {
  const url = process.env[env];
  const missing = [
    ...(process.env.TEST_DATABASE_URL ? [] : ['TEST_DATABASE_URL']),
    ...(url ? [] : [env]),
  ];
  if (url && missing.length === 0) {
    describe(`${title} [PostgreSQL]`, () => body(url));
    return;
  }
  const advice = `set ${missing.join(' and ')} (${env}=${example})`;
  if (process.env.CI) throw new Error(`${title}: ${advice}; CI runs these tests on real servers.`);
  describe(`${title} [PostgreSQL]`, () => {
    it.skip(`NOT RUN: ${advice} to run these tests`, () => {});
  });
  console.warn(`\n⚠  ${title}: NOT RUN, ${advice}.\n`);
}
