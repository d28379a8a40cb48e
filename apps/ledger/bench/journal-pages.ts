#!/usr/bin/env tsx
import { randomBytes } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { openDatabase } from '@tally/db/connect';
import { migrateToLatest } from '@tally/db/migrate';
import { sql } from 'kysely';
import pg from 'pg';
import { hashSecret } from '../src/auth/secrets';
import { communityAccounts, createCommunity } from '../src/communities/create-community';
import { storeCheckpoint } from '../src/ledger/anchoring/checkpoints';
import { ledgerKey, newLedgerKey, useLedgerKey } from '../src/ledger/anchoring/ledger-key';
import { readJournal } from '../src/ledger/read-journal';
import { verifyLedger } from '../src/ledger/verify-ledger';
import { createResident } from '../src/residents/create-resident';

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
  const community = await createCommunity(db, { name: 'Journal bench' });
  const accounts = await communityAccounts(db, community.id);
  const pinHash = await hashSecret('1234');
  const residents = [];
  for (let i = 0; i < Number(values.residents); i++) {
    residents.push(
      await createResident(
        db,
        { communityId: community.id, name: `R${i}`, cardNumber: `B${i}`, pin: '1234' },
        { pinHash },
      ),
    );
  }
  const pointsAccounts = residents.map((r) => r.pointsAccountId);

  // Postings are made inside the database, 1,000 per statement (one statement updating a row many times would walk ever longer version chains), by the same function the service calls.
  const started = performance.now();
  for (let done = 0; done < total; done += 1_000) {
    const batch = Math.min(1_000, total - done);
    await sql`
      select count(*) from generate_series(1, ${batch}::int) as g,
      lateral tally_post_transaction(
        ${community.id}::uuid, gen_random_uuid(), 'bench-' || (${done}::int + g), 'bench',
        'service_credit', 'system', 'bench', null, 'bench credit', 'service_record',
        gen_random_uuid()::text, null,
        array[${accounts.pointsSource}::uuid, (${pointsAccounts}::uuid[])[1 + (g % ${pointsAccounts.length})]],
        array[-10, 10]::bigint[], sha256(('bench-' || (${done}::int + g))::bytea))`.execute(db);
    // This server may run without autovacuum; plans made on empty tables would
    // scan a whole community per posting, so statistics are refreshed as it grows.
    if ((done + batch) % 100_000 === 0 || done + batch === 5_000) await sql`analyze`.execute(db);
    process.stderr.write(`\rposted ${done + batch} / ${total}`);
  }
  const postSeconds = (performance.now() - started) / 1000;
  console.log(
    `\nposted ${total} transactions in ${postSeconds.toFixed(0)} s (${Math.round(total / postSeconds)}/s, in-database loop)`,
  );
  await sql`analyze`.execute(db);

  const deepCursor = String(Math.floor(total / 2));
  const resident = residents[7]?.id ?? '';
  const from = new Date(Date.now() - 60_000).toISOString();
  const cases: [string, Parameters<typeof readJournal>[1]][] = [
    ['first page', { communityId: community.id, limit: 50 }],
    ['page in the middle (cursor)', { communityId: community.id, limit: 50, cursor: deepCursor }],
    ["one resident's entries", { communityId: community.id, limit: 50, residentId: resident }],
    [
      'by kind',
      { communityId: community.id, limit: 50, kind: 'service_credit', cursor: deepCursor },
    ],
    ['by date range', { communityId: community.id, limit: 50, from }],
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
     where community_id = ${community.id} and sequence < ${Number(deepCursor)}
     order by sequence desc limit 51`.execute(db);
  console.log(
    `\nplan of a page: ${plan.rows
      .map((r) => r['QUERY PLAN'].trim())
      .slice(0, 2)
      .join(' / ')}`,
  );

  // The in-database loop cannot seal (the key never leaves Node), so the bench signs the
  // head itself, as the hourly checkpoint would have; verify then checks every hash, link
  // and balance, as it does for every entry a checkpoint vouches for.
  const head = await db
    .selectFrom('ledger_chains')
    .select(['head_sequence', 'head_hash'])
    .where('community_id', '=', community.id)
    .executeTakeFirstOrThrow();
  await storeCheckpoint(db, ledgerKey(), {
    communityId: community.id,
    sequence: head.head_sequence,
    headHash: head.head_hash,
  });
  const verifyStarted = performance.now();
  const verified = await verifyLedger(db, community.id);
  const verifySeconds = (performance.now() - verifyStarted) / 1000;
  console.log(
    `verify: ${verified.ok ? 'ok' : 'BROKEN'}, ${verified.transactions} transactions in ${verifySeconds.toFixed(1)} s (${Math.round(verified.transactions / verifySeconds)}/s)`,
  );
} finally {
  await close();
  await admin.query(`drop schema ${schema} cascade`);
  await admin.end();
}
