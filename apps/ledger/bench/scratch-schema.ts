import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@tally/db/connect';
import { sql } from 'kysely';
import pg from 'pg';
import {
  ledgerKey,
  ledgerKeyFromPem,
  ledgerKeyToPem,
  newLedgerKey,
  useLedgerKey,
} from '../src/ledger/anchoring/ledger-key';
import { describeLoad, describeMachine } from './machine';

/**
 * A benchmark's schema on DATABASE_URL: a new scratch one named `<prefix>_<random>`, or the one
 * `--schema` names (kept by an earlier `--keep`). Seals and checkpoints are made with a ledger key
 * of its own, kept in a file beside it in the temp folder so a kept schema is read with the same
 * key. Prints the machine, its load and the database. `close` leaves a kept or reused schema for
 * the next run and drops a new one.
 */
export async function openScratchSchema({
  prefix,
  schema: given,
  keep,
}: {
  prefix: string;
  schema: string | undefined;
  keep: boolean;
}) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('Set DATABASE_URL to a PostgreSQL server (a scratch schema is created).');
    process.exit(2);
  }
  const reused = given !== undefined;
  const schema = given ?? `${prefix}_${randomBytes(4).toString('hex')}`;
  const keyFile = join(tmpdir(), `${schema}.pem`);
  useLedgerKey(reused ? ledgerKeyFromPem(readFileSync(keyFile, 'utf8')) : newLedgerKey());
  if (keep && !reused) writeFileSync(keyFile, ledgerKeyToPem(ledgerKey()), { mode: 0o600 });
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  if (!reused) await admin.query(`create schema ${schema}`);
  const { db, close } = await openDatabase({ url, searchPath: schema, poolSize: 8 });

  console.log(`machine   ${describeMachine()}`);
  console.log(`          ${describeLoad()}`);
  const version = await sql<{ v: string }>`select version() as v`.execute(db);
  console.log(`database  ${version.rows[0]?.v.split(',')[0]}, schema ${schema}`);

  return {
    db,
    url,
    schema,
    reused,
    async close() {
      await close();
      if (keep) console.log(`kept      --schema ${schema}`);
      // A schema brought with --schema is left for the next run, as --keep leaves a new one.
      if (!reused && !keep) await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}
