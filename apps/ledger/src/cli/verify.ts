#!/usr/bin/env tsx
import { existsSync, readFileSync } from 'node:fs';
import { openDatabase } from '@tally/db/connect';
import { migrateToLatest } from '@tally/db/migrate';
import {
  isCheckpointFile,
  type OfficeCheckpoint,
  OfficeCheckpointInput,
} from '@tally/domain/checkpoints';
import { configFromEnv } from '../config';
import { loadLedgerKey } from '../ledger/anchoring/key-file';
import { useLedgerKey } from '../ledger/anchoring/ledger-key';
import { type VerifyProgress, verifyLedger } from '../ledger/verify-ledger';
import { commandLineOptions } from './arguments';

// `pnpm --filter @tally/ledger verify [--community <id>] [--checkpoint <code or file>]`:
// verifies every community's hash chain and balances against its newest signed
// checkpoint (and the office's own, given as the poster's code or the downloaded file),
// with a progress bar, and exits 1 if anything is broken (so it can run from cron or
// CI). It reads the service's key as the service does, and never makes one.

const values = commandLineOptions({
  community: { type: 'string' },
  checkpoint: { type: 'string' },
});
const config = configFromEnv();
try {
  useLedgerKey(
    loadLedgerKey(config.signingKey, { create: false, log: (line) => console.log(line) }),
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
const checkpoint = values.checkpoint ? readCheckpoint(values.checkpoint) : undefined;
const { db, engine, close } = await openDatabase(config.database);

/** A path to a downloaded checkpoint file, or a code as printed on the poster. */
function readCheckpoint(given: string): OfficeCheckpoint {
  const text = existsSync(given) ? JSON.parse(readFileSync(given, 'utf8')) : given;
  const parsed = OfficeCheckpointInput.safeParse(text);
  if (parsed.success) return parsed.data;
  console.error(parsed.error.issues.map((issue) => issue.message).join('\n'));
  process.exit(2);
}

function progressBar(name: string, { checked, total }: VerifyProgress): void {
  const share = total === 0 ? 1 : checked / total;
  const bar = '█'.repeat(Math.round(share * 30)).padEnd(30, '░');
  const line = `${name}  ${bar} ${Math.round(share * 100)}%  ${checked}/${total}`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}`);
  else if (checked === total) process.stderr.write(`${line}\n`);
}

try {
  await migrateToLatest(db);
  let query = db
    .selectFrom('communities')
    .select(['id', 'name_zh', 'name_en'])
    .orderBy('name_zh')
    .orderBy('name_en');
  if (values.community) query = query.where('id', '=', values.community);
  // A checkpoint file names its community; a code is for the one community asked for.
  if (checkpoint && isCheckpointFile(checkpoint))
    query = query.where('id', '=', checkpoint.communityId);
  const communities = await query.execute();
  if (communities.length === 0) console.log(`No communities to verify (${engine}).`);
  if (checkpoint && communities.length > 1) {
    throw new Error('A checkpoint code belongs to one community: add --community <id>.');
  }
  let broken = 0;
  for (const community of communities) {
    const started = performance.now();
    const result = await verifyLedger(db, community.id, {
      checkpoint,
      onProgress: (progress) => progressBar(community.name_zh || community.name_en, progress),
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    const seconds = (performance.now() - started) / 1000;
    const rate = Math.round(result.transactions / Math.max(seconds, 0.001));
    const anchor = [
      result.anchor ? `checkpoint ${result.anchor.code}` : 'no signed checkpoint yet',
      result.kept ? `; the office's checkpoint ${result.kept.code} still matches` : '',
    ].join('');
    if (result.ok) {
      console.log(
        `✔ ${community.name_zh || community.name_en}: ${result.transactions} transactions verified in ${seconds.toFixed(2)} s (${rate}/s); head ${result.headHash}; anchored to ${anchor}`,
      );
      continue;
    }
    broken += 1;
    console.log(`✘ ${community.name_zh || community.name_en}: the ledger does NOT verify.`);
    for (const finding of result.findings) console.log(`  ${finding.message}`);
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
