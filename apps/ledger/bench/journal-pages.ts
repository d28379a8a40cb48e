#!/usr/bin/env tsx
import { randomBytes } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { openDatabase } from '@tally/db/connect';
import { migrateToLatest } from '@tally/db/migrate';
import { sql } from 'kysely';
import pg from 'pg';
import { readJournal } from '../src/journal/read-journal';
import { newLedgerKey, useLedgerKey } from '../src/ledger/anchoring/ledger-key';
import { verifyLedger } from '../src/ledger/verify-ledger';
import { fillJournal, signHead } from './fill-journal';

// `pnpm --filter @tally/ledger bench:journal -- --transactions 1000000`: fills one
// community's journal (in a scratch schema on DATABASE_URL), then times the
// journal pages the admin app asks for and prints the plan each one uses.
// Figures are printed, never asserted.

const { values } = parseArgs({
  // `pnpm bench:journal -- --transactions 5` may hand the script a literal `--`.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    transactions: { type: 'string', default: '1000000' },
    residents: { type: 'string', default: '2000' },
  },
});
const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    'Set DATABASE_URL to a PostgreSQL server (a scratch schema is created and dropped).',
  );
  process.exit(2);
}
useLedgerKey(newLedgerKey());
const total = Number(values.transactions);
const schema = `tally_journal_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`create schema ${schema}`);
const { db, close } = await openDatabase({ url, searchPath: schema, poolSize: 4 });

try {
  const version = await sql<{ v: string }>`select version() as v`.execute(db);
  console.log(
    `machine: ${cpus()[0]?.model} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
  );
  console.log(`database: ${version.rows[0]?.v.split(',')[0]}`);
  await migrateToLatest(db, { schema });
  const started = performance.now();
  const { communityId, residentIds } = await fillJournal(db, {
    transactions: total,
    residents: Number(values.residents),
    onProgress: (posted) => process.stderr.write(`\rposted ${posted} / ${total}`),
  });
  const postSeconds = (performance.now() - started) / 1000;
  console.log(
    `\nposted ${total} transactions in ${postSeconds.toFixed(0)} s (${Math.round(total / postSeconds)}/s, in-database loop)`,
  );

  const deepCursor = String(Math.floor(total / 2));
  const resident = residentIds[7] ?? '';
  const from = new Date(Date.now() - 60_000).toISOString();
  const cases: [string, Parameters<typeof readJournal>[1]][] = [
    ['first page', { communityId, limit: 50 }],
    ['page in the middle (cursor)', { communityId, limit: 50, cursor: deepCursor }],
    ["one resident's entries", { communityId, limit: 50, residentId: resident }],
    ['by kind', { communityId, limit: 50, kind: 'service_credit', cursor: deepCursor }],
    ['by date range', { communityId, limit: 50, from }],
  ];
  console.log('\njournal page (50 entries with postings)        median of 7');
  for (const [name, filter] of cases) {
    const times = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      await readJournal(db, filter);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(`  ${name.padEnd(36)} ${(times[3] ?? 0).toFixed(1).padStart(7)} ms`);
  }
  const plan = await sql<{ 'QUERY PLAN': string }>`
    explain select * from ledger_transactions
     where community_id = ${communityId} and sequence < ${Number(deepCursor)}
     order by sequence desc limit 51`.execute(db);
  console.log(
    `\nplan of a page: ${plan.rows
      .map((r) => r['QUERY PLAN'].trim())
      .slice(0, 2)
      .join(' / ')}`,
  );

  await signHead(db, communityId);
  const verifyStarted = performance.now();
  const verified = await verifyLedger(db, communityId);
  const verifySeconds = (performance.now() - verifyStarted) / 1000;
  console.log(
    `verify: ${verified.ok ? 'ok' : 'BROKEN'}, ${verified.transactions} transactions in ${verifySeconds.toFixed(1)} s (${Math.round(verified.transactions / verifySeconds)}/s)`,
  );
} finally {
  await close();
  await admin.query(`drop schema ${schema} cascade`);
  await admin.end();
}
