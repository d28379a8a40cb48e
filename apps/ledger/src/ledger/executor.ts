import type { Database } from '@tally/db/schema';
import type { Kysely } from 'kysely';

/** A database handle or an open transaction: ledger writes compose into a caller's transaction. */
export type Executor = Kysely<Database>;

/** Runs work in the caller's transaction if there is one, otherwise in a new one. */
export function inTransaction<T>(db: Executor, work: (trx: Executor) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
