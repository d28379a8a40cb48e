#!/usr/bin/env tsx
import { parseArgs } from 'node:util';
import { migrateToLatest } from '@tally/db/migrate';
import { verifyLedger } from '../src/ledger/verify-ledger';
import { fillJournal, signHead } from './fill-journal';
import { openScratchSchema } from './scratch-schema';

// `pnpm --filter @tally/ledger bench:verify -- --transactions 200000 --runs 3`: fills
// communities once (in a scratch schema on DATABASE_URL), signs their heads, then times
// verify alone, several runs, and prints each run and the median. `--keep` leaves the
// schema (and its key, in a file beside it in the temp folder) for the next run, and
// `--schema <name>` reuses it, so a change to verify is measured in seconds. Figures are printed, never asserted.

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    transactions: { type: 'string', default: '200000' },
    communities: { type: 'string', default: '1' },
    residents: { type: 'string', default: '200' },
    runs: { type: 'string', default: '3' },
    parallel: { type: 'string' },
    'batch-size': { type: 'string' },
    schema: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const scratch = await openScratchSchema({
  prefix: 'tally_verify_bench',
  schema: values.schema,
  keep: values.keep,
});
const { db, schema } = scratch;

try {
  if (!scratch.reused) await fill();
  const communities = await db.selectFrom('communities').select('id').orderBy('id').execute();
  const options = {
    ...(values.parallel ? { parallel: Number(values.parallel) } : {}),
    ...(values['batch-size'] ? { batchSize: Number(values['batch-size']) } : {}),
  };
  const rates: number[] = [];
  for (let run = 1; run <= Number(values.runs); run++) {
    const started = performance.now();
    let transactions = 0;
    for (const { id } of communities) {
      const result = await verifyLedger(db, id, options);
      if (!result.ok) throw new Error(`community ${id} did not verify: ${JSON.stringify(result)}`);
      transactions += result.transactions;
    }
    const seconds = (performance.now() - started) / 1000;
    rates.push(transactions / seconds);
    console.log(
      `run ${run}    ${transactions} transactions in ${communities.length} communities in ${seconds.toFixed(2)} s = ${rate(transactions / seconds)} tx/s`,
    );
  }
  rates.sort((a, b) => a - b);
  console.log(`verify    median ${rate(rates[Math.floor(rates.length / 2)] ?? 0)} tx/s`);
} finally {
  await scratch.close();
}

async function fill(): Promise<void> {
  await migrateToLatest(db, { schema });
  const count = Number(values.communities);
  const each = Math.ceil(Number(values.transactions) / count);
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const { communityId } = await fillJournal(db, {
      transactions: each,
      residents: Number(values.residents),
      onProgress: (posted) => process.stderr.write(`\rcommunity ${i + 1}/${count}: ${posted}`),
    });
    await signHead(db, communityId);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`\nsetup     ${count} × ${each} transactions posted in ${seconds.toFixed(0)} s`);
}

function rate(perSecond: number): string {
  return Math.round(perSecond).toLocaleString('en-US');
}
