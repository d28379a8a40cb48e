import type { DatabaseHandle } from '@tally/db/connect';
import { databaseOptionsFromEnv, openDatabase } from '@tally/db/connect';
import { migrateToLatest } from '@tally/db/migrate';
import { isDomainError } from '@tally/domain/errors';

/**
 * Runs a command-line task on the configured database (migrated first). A refusal (a domain
 * error) prints its message and exits 1; anything else is a crash with its stack. The exit
 * code is set after the database is closed: PGlite's shutdown would otherwise reset it.
 */
export async function runCommand(task: (db: DatabaseHandle['db']) => Promise<void>) {
  const { db, close } = await openDatabase(databaseOptionsFromEnv());
  let refusal: string | undefined;
  try {
    await migrateToLatest(db);
    await task(db);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    refusal = error.message;
  } finally {
    await close();
  }
  if (refusal) {
    console.error(refusal);
    process.exit(1);
  }
}
