import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from './schema';

export type DatabaseEngine = 'postgres' | 'pglite';

export type DatabaseHandle = {
  db: Kysely<Database>;
  engine: DatabaseEngine;
  close: () => Promise<void>;
};

export type DatabaseOptions =
  /** A real PostgreSQL server. `searchPath` pins every connection to one schema (tests use this). */
  | { url: string; poolSize?: number; searchPath?: string }
  /** Embedded PGlite persisted in a folder, or in memory when `dataDir` is `memory`. */
  | { dataDir: string };

const INT8_OID = 20;

/** bigint columns come back as numbers; a value JavaScript cannot hold exactly is an error, never a silent rounding. */
function parseSafeInteger(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value))
    throw new RangeError(`integer ${text} is outside the safe range`);
  return value;
}

const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID
      ? parseSafeInteger
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/** The one connection factory: a PostgreSQL URL gives a `pg` pool; otherwise embedded PGlite. */
export async function openDatabase(
  options: DatabaseOptions,
  { onConnectionLost }: { onConnectionLost?: (error: Error) => void } = {},
): Promise<DatabaseHandle> {
  if ('url' in options) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      types: pgTypes,
      // A server that does not answer at all (a failover, a pulled cable) fails a request in
      // seconds, as a refused connection does at once, instead of holding it forever.
      connectionTimeoutMillis: 5_000,
      ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    });
    // When PostgreSQL stops or restarts, every connection emits 'error'. Unheard, that event
    // ends the process; heard, the failed queries reject (the service answers
    // SERVICE_UNAVAILABLE), the pool drops the dead connections and opens new ones once the
    // server is back. An idle connection's error reaches the pool; one in use reaches its client.
    pool.on('error', (error) => onConnectionLost?.(error));
    pool.on('connect', (client) => client.on('error', () => undefined));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  const memory = options.dataDir === 'memory';
  if (!memory) mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(memory ? {} : { dataDir: options.dataDir }),
    parsers: { [INT8_OID]: parseSafeInteger },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, engine: 'pglite', close: () => db.destroy() };
}

/** What the environment asks for: `DATABASE_URL`, or PGlite in `TALLY_DATA_DIR` (default `./.tally/data`). */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return { dataDir: env.TALLY_DATA_DIR ?? '.tally/data' };
}
