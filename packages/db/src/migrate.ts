import { type Kysely, type MigrationResultSet, Migrator, sql } from 'kysely';
import { migrations } from './migrations/index';

/**
 * `schema` names where the migration bookkeeping tables live. Kysely looks for
 * them across every schema it can see, so tests that each migrate their own
 * schema on one server must name it, or one may find another's tables.
 */
export function createMigrator(db: Kysely<any>, schema?: string): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
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
