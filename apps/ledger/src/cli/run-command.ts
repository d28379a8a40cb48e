import type { DatabaseHandle } from '@tally/db/connect';
import { openDatabase } from '@tally/db/connect';
import { migrateToLatest } from '@tally/db/migrate';
import { isDomainError } from '@tally/domain/errors';
import { configFromEnv } from '../config';
import { assertLedgerKeyMatches } from '../ledger/anchoring/key-check';
import { loadLedgerKey } from '../ledger/anchoring/key-file';
import { useLedgerKey } from '../ledger/anchoring/ledger-key';

/**
 * Runs a command-line task on the database the service uses (migrated first), with the
 * service's ledger key (made on an empty installation, as the service would): opening a
 * community signs its first checkpoint. A refusal (a domain error) prints its message and
 * exits 1; anything else is a crash with its stack. The exit code is set after the database is
 * closed: PGlite's shutdown would otherwise reset it.
 */
export async function runCommand(task: (db: DatabaseHandle['db']) => Promise<void>) {
  const config = configFromEnv();
  const key = loadLedgerKey(config.signingKey, { create: true, log: (line) => console.log(line) });
  useLedgerKey(key);
  const { db, close } = await openDatabase(config.database);
  let refusal: string | undefined;
  try {
    await migrateToLatest(db);
    await assertLedgerKeyMatches(db, key);
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
