#!/usr/bin/env tsx
import { databaseOptionsFromEnv, openDatabase } from '@tally/db/connect';
import { migrateToLatest } from '@tally/db/migrate';
import { type VerifyProgress, verifyLedger } from '../ledger/verify-ledger';
import { commandLineOptions } from './arguments';

// `pnpm --filter @tally/ledger verify [--community <id>]`: verifies every
// community's hash chain and balances, with a progress bar, and exits 1 if
// anything is broken (so it can run from cron or CI).

const values = commandLineOptions({ community: { type: 'string' } });
const { db, engine, close } = await openDatabase(databaseOptionsFromEnv());

function progressBar(name: string, { checked, total }: VerifyProgress): void {
  const share = total === 0 ? 1 : checked / total;
  const bar = '█'.repeat(Math.round(share * 30)).padEnd(30, '░');
  const line = `${name}  ${bar} ${Math.round(share * 100)}%  ${checked}/${total}`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}`);
  else if (checked === total) process.stderr.write(`${line}\n`);
}

try {
  await migrateToLatest(db);
  let query = db.selectFrom('communities').select(['id', 'name']).orderBy('name');
  if (values.community) query = query.where('id', '=', values.community);
  const communities = await query.execute();
  if (communities.length === 0) console.log(`No communities to verify (${engine}).`);
  let broken = 0;
  for (const community of communities) {
    const started = performance.now();
    const result = await verifyLedger(db, community.id, {
      onProgress: (progress) => progressBar(community.name, progress),
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    const seconds = (performance.now() - started) / 1000;
    const rate = Math.round(result.transactions / Math.max(seconds, 0.001));
    if (result.ok) {
      console.log(
        `✔ ${community.name}: ${result.transactions} transactions verified in ${seconds.toFixed(2)} s (${rate}/s); head ${result.headHash}`,
      );
      continue;
    }
    broken += 1;
    console.log(`✘ ${community.name}: the ledger does NOT verify.`);
    if (result.firstBrokenSequence !== null) {
      console.log(`  first broken entry: sequence ${result.firstBrokenSequence}`);
    }
    if (result.mismatchedAccounts.length > 0) {
      console.log(
        `  balances that disagree with their postings: ${result.mismatchedAccounts.join(', ')}`,
      );
    }
  }
  process.exitCode = broken > 0 ? 1 : 0;
} finally {
  await close();
}
