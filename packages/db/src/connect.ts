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
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if ('url' in options) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      types: pgTypes,
      ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    });
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
