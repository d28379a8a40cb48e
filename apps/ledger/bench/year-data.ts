#!/usr/bin/env tsx
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { migrateToLatest } from '@tally/db/migrate';
import { sql } from 'kysely';
import { makeCheckpoint } from '../src/ledger/anchoring/make-checkpoint';
import { verifyLedger } from '../src/ledger/verify-ledger';
import { openScratchSchema } from './scratch-schema';
import { fillYear } from './year/fill-year';
import { type Timing, timeTheYear, timingTargets } from './year/timings';

// `pnpm --filter @tally/ledger bench:data`: fills one community with a year of data (10,000
// residents, 1,000,000 ledger transactions, and the service records, redemptions, audit entries,
// kiosk sessions and idempotency keys that go with them) in a scratch schema on DATABASE_URL,
// checkpoints it (every seal checked) and verifies it, then times what the office asks of it
// through the real service over HTTP: pages and balances (`--runs`, default 30), reports
// (`--report-runs`, 3) and CSV exports (`--export-runs`, 1; 0 skips them, they take minutes).
// `--keep` leaves the schema (and its key, in a file beside it in the temp folder),
// `--schema <name>` times a kept one again, `--no-timings` only fills. Figures are printed,
// never asserted.

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    residents: { type: 'string', default: '10000' },
    transactions: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '30' },
    'report-runs': { type: 'string', default: '3' },
    'export-runs': { type: 'string', default: '1' },
    schema: { type: 'string' },
    keep: { type: 'boolean', default: false },
    timings: { type: 'boolean', default: true },
  },
  allowNegative: true,
});
const scratch = await openScratchSchema({
  prefix: 'tally_data_bench',
  schema: values.schema,
  keep: values.keep,
});
const { db, url, schema } = scratch;
const target = { db, url, schema };

try {
  const communityId = scratch.reused ? await dataCommunity() : await fill();
  if (values.timings) await timings(communityId);
} finally {
  await scratch.close();
}

async function timings(communityId: string): Promise<void> {
  console.log(
    '\ntimed through the service over HTTP, in ms (one uncounted call first, but for exports)',
  );
  await timeTheYear(target, {
    communityId,
    runs: {
      page: Number(values.runs),
      balance: Number(values.runs),
      report: Number(values['report-runs']),
      export: Number(values['export-runs']),
    },
    onCase: (timing) => console.log(timingLine(timing)),
  });
}

async function fill(): Promise<string> {
  await migrateToLatest(db, { schema });
  const residents = Number(values.residents);
  const transactions = Number(values.transactions);
  console.log(
    `\nfilling   ${residents} residents, ${transactions} transactions over the last year`,
  );
  const started = performance.now();
  const year = await fillYear(db, { residents, transactions, log: (line) => console.log(line) });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `filled    ${year.transactions} transactions in ${seconds.toFixed(0)} s (${await counts(year.communityId)}; ` +
      `${year.pendingRecords} records pending, ${year.issuedRedemptions} redemptions issued at the end)`,
  );
  let t = performance.now();
  const checkpoint = await makeCheckpoint(db, year.communityId);
  console.log(
    `checkpoint every seal checked and the head (${checkpoint.sequence}) signed in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  t = performance.now();
  const verified = await verifyLedger(db, year.communityId);
  console.log(
    `verify    ${verified.transactions} transactions, balances and owners in ${((performance.now() - t) / 1000).toFixed(1)} s: ok=${verified.ok}`,
  );
  if (!verified.ok) {
    console.log(JSON.stringify(verified.findings, null, 2));
    process.exitCode = 1;
  }
  return year.communityId;
}

async function dataCommunity(): Promise<string> {
  const row = await db
    .selectFrom('communities')
    .select('id')
    .where('name_en', '=', 'Data Community')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function counts(communityId: string): Promise<string> {
  const tables = [
    'ledger_postings',
    'service_records',
    'redemptions',
    'audit_log',
    'kiosk_sessions',
    'idempotent_requests',
  ] as const;
  const parts = [];
  for (const table of tables) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from ${sql.table(table)} where community_id = ${communityId}`.execute(
      db,
    );
    parts.push(`${table} ${rows[0]?.n ?? 0}`);
  }
  return parts.join(', ');
}

function timingLine({ group, name, runs, p50, p95, max, note }: Timing): string {
  const target = timingTargets[group];
  const verdict =
    target === null ? '' : `   target p95 ≤ ${target} ms ${p95 <= target ? 'met' : 'MISSED'}`;
  const size = note ? `  (${note})` : '';
  return `  ${name.padEnd(40)} p50 ${p50.toFixed(1).padStart(8)}  p95 ${p95.toFixed(1).padStart(8)}  max ${max.toFixed(1).padStart(8)}  ×${runs}${verdict}${size}`;
}
