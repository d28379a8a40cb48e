import { randomBytes } from 'node:crypto';
import { type DatabaseEngine, openDatabase } from '@tally/db/connect';
import { migrateToLatest } from '@tally/db/migrate';
import { sql } from 'kysely';
import type { Executor } from '../src/ledger/executor';

/** Where the benchmark posts: a throwaway schema on a PostgreSQL server, or in-memory PGlite. */
export type BenchTarget = {
  db: Executor;
  engine: DatabaseEngine;
  /** The PostgreSQL server's URL; null on PGlite. */
  url: string | null;
  /** The scratch schema on that server; null on PGlite. */
  schema: string | null;
  description: string;
  serverVersion: string;
  close: () => Promise<void>;
};

export async function openBenchTarget({
  url,
  clients,
}: {
  url: string | undefined;
  clients: number;
}): Promise<BenchTarget> {
  if (!url) return openPglite();
  const schema = `tally_bench_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ url, poolSize: 1 });
  await sql.raw(`create schema ${schema}`).execute(admin.db);
  const bench = await openDatabase({ url, poolSize: clients, searchPath: schema });
  const close = async () => {
    await bench.close();
    await sql.raw(`drop schema ${schema} cascade`).execute(admin.db);
    await admin.close();
  };
  try {
    // Named, or Kysely may take another schema's migration tables on this server for ours.
    await migrateToLatest(bench.db, { schema });
    return {
      db: bench.db,
      engine: 'postgres',
      url,
      schema,
      description: `${describeServer(url)}, schema ${schema} (dropped at the end)`,
      serverVersion: await serverVersion(bench.db),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function openPglite(): Promise<BenchTarget> {
  const handle = await openDatabase({ dataDir: 'memory' });
  await migrateToLatest(handle.db);
  return {
    db: handle.db,
    engine: 'pglite',
    url: null,
    schema: null,
    description: 'in-memory PGlite (DATABASE_URL is not set)',
    serverVersion: await serverVersion(handle.db),
    close: handle.close,
  };
}

async function serverVersion(db: Executor): Promise<string> {
  const { rows } = await sql<{ version: string }>`select version()`.execute(db);
  return rows[0]?.version ?? 'unknown';
}

/** host:port/database, never the password. */
function describeServer(url: string): string {
  const parsed = new URL(url);
  return `PostgreSQL at ${parsed.host}${parsed.pathname}`;
}

/**
 * Opens every pooled connection before the clock starts, so the first transfers
 * do not pay for connecting (pgbench reports its tps the same way).
 */
export async function warmPool(db: Executor, clients: number): Promise<void> {
  await Promise.all(Array.from({ length: clients }, () => sql`select pg_sleep(0.05)`.execute(db)));
}
