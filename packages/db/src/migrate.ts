import {
  type DatabaseIntrospector,
  type Kysely,
  type MigrationResultSet,
  Migrator,
  sql,
} from 'kysely';
import { migrations } from './migrations/index';

/**
 * `schema` names where the migration bookkeeping tables live (else the connection's current
 * schema). Kysely's own check for those tables reads every schema on the server and fails when
 * another user drops one meanwhile (tests on one server each drop theirs when done: a CI run
 * failed so); the migrator here looks in its own schema only.
 */
export function createMigrator(db: Kysely<any>, schema?: string): Migrator {
  return new Migrator({
    db: withOwnSchemaIntrospection(db, schema),
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

/** The database as the migrator sees it: the same, but introspection covers one schema. */
function withOwnSchemaIntrospection(db: Kysely<any>, schema: string | undefined): Kysely<any> {
  const introspection: DatabaseIntrospector = {
    async getSchemas() {
      const { rows } = await sql<{ name: string }>`
        select nspname as name from pg_catalog.pg_namespace
        where nspname = coalesce(${schema ?? null}::text, current_schema())
      `.execute(db);
      return rows;
    },
    async getTables() {
      const { rows } = await sql<{ name: string; schema: string }>`
        select tablename as name, schemaname as schema from pg_catalog.pg_tables
        where schemaname = coalesce(${schema ?? null}::text, current_schema())
      `.execute(db);
      return rows.map((row) => ({ ...row, isView: false, columns: [] }));
    },
    async getMetadata() {
      return { tables: await this.getTables() };
    },
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === 'introspection') return introspection;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Brings the schema up to date; throws (with the failing migration's name) if any step fails.
 * After any migration ran, the planner's statistics are refreshed: plans made before a table
 * has statistics scan a whole community per lookup (verify on a fresh PostgreSQL ran at
 * 330 transactions/s without it).
 */
export async function migrateToLatest(
  db: Kysely<any>,
  { schema }: { schema?: string } = {},
): Promise<MigrationResultSet> {
  const result = await createMigrator(db, schema).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`migration ${failed ?? '(unknown)'} failed: ${String(result.error)}`, {
      cause: result.error,
    });
  }
  if (result.results?.some((r) => r.status === 'Success')) await analyzeSchema(db);
  return result;
}

/**
 * Brings the schema up to the named migration and no further: how a test makes the database
 * an earlier release left behind, to check the next migration on it.
 */
export async function migrateTo(
  db: Kysely<any>,
  migrationName: string,
  { schema }: { schema?: string } = {},
): Promise<MigrationResultSet> {
  const result = await createMigrator(db, schema).migrateTo(migrationName);
  if (result.error)
    throw new Error(`migrating to ${migrationName} failed: ${String(result.error)}`);
  return result;
}

/** True when every migration this build knows has been applied (used by readiness checks). */
export async function isSchemaCurrent(db: Kysely<any>, schema?: string): Promise<boolean> {
  const known = await createMigrator(db, schema).getMigrations();
  return known.every((m) => m.executedAt !== undefined);
}

/** ANALYZE the tables of the schema migrations work in (only those: tests share one server). */
async function analyzeSchema(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ name: string }>`
    select quote_ident(tablename) as name from pg_tables where schemaname = current_schema()
  `.execute(db);
  if (rows.length === 0) return;
  await sql.raw(`analyze ${rows.map((row) => row.name).join(', ')}`).execute(db);
}
