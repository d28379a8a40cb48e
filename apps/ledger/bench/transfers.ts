import { performance } from 'node:perf_hooks';
import { newLedgerKey, useLedgerKey } from '../src/ledger/anchoring/ledger-key';
import { type BenchOptions, parseBenchArgs, type Scenario, UsageError, usage } from './args';
import { describeLoad, describeMachine } from './machine';
import { pgbenchOnPath, runPgbench } from './pgbench';
import {
  comparisonLine,
  scenarioTable,
  targets,
  transfersPerSecond,
  verifyLine,
  verifyTargetLine,
} from './report';
import { runTransfers, type TransferRun } from './run-transfers';
import { analyzeLedger, type BenchCommunity, seedCommunities } from './setup';
import { type BenchTarget, openBenchTarget, warmPool } from './target';
import { verifyAll } from './verify-all';

// Transfer throughput, latency and verify speed of the ledger, beside pgbench on
// the same server. Figures are printed, never asserted.

async function main(): Promise<void> {
  const options = readOptions();
  if (!options) return;
  // Seals and checkpoints cost the same with any key; this one lives for the run only.
  useLedgerKey(newLedgerKey());
  const interrupted = new AbortController();
  process.once('SIGINT', () => interrupted.abort());

  console.log('Tally ledger benchmark');
  console.log(`  machine   ${describeMachine()}`);
  console.log(`            ${describeLoad()}`);
  const target = await openBenchTarget({ url: process.env.DATABASE_URL, clients: options.clients });
  try {
    await benchmark(target, options, interrupted.signal);
  } finally {
    await target.close();
  }
}

function readOptions(): BenchOptions | null {
  try {
    const options = parseBenchArgs(process.argv.slice(2));
    if (!options) console.log(usage);
    return options;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${usage}`);
    process.exit(2);
  }
}

async function benchmark(target: BenchTarget, options: BenchOptions, signal: AbortSignal) {
  console.log(`  database  ${target.description}`);
  console.log(`            ${target.serverVersion}`);
  if (target.engine === 'pglite') {
    console.log(
      '  NOTE      PGlite runs one statement at a time in this process: every client is\n' +
        '            serialized, so these figures are NOT comparable with PostgreSQL or pgbench.',
    );
  }
  console.log(
    `  run       ${options.seconds} s per scenario, ${options.clients} clients, ` +
      `${options.communities} communities × ${options.accounts} accounts (hot: 1 × ${options.accounts})`,
  );

  const seeded = await seed(target, options);
  if (target.engine === 'postgres') await warmPool(target.db, options.clients);

  const runs: [Scenario, TransferRun][] = [];
  for (const scenario of options.scenarios) {
    if (signal.aborted) break;
    console.log(`\nrunning ${scenario} for ${options.seconds} s…`);
    const communities = scenario === 'spread' ? seeded.spread : seeded.hot;
    runs.push([
      scenario,
      await runTransfers({
        db: target.db,
        communities,
        clients: options.clients,
        seconds: options.seconds,
        signal,
      }),
    ]);
  }
  console.log(`\n${scenarioTable(runs)}`);

  const everyCommunity = [...seeded.spread, ...seeded.hot].map((c) => c.community.communityId);
  const verified = await verifyAll(target.db, everyCommunity);
  console.log(`\n${verifyLine(verified)}`);
  if (verified.failed.length > 0) process.exitCode = 1;

  if (signal.aborted) return;
  await comparePgbench(target, options, runs, verifyTargetLine(verified));
}

async function seed(target: BenchTarget, options: BenchOptions) {
  const started = performance.now();
  const wants = (scenario: Scenario) => options.scenarios.includes(scenario);
  const none: BenchCommunity[] = [];
  const [spread, hot] = await Promise.all([
    wants('spread')
      ? seedCommunities(target.db, { count: options.communities, accounts: options.accounts })
      : none,
    wants('hot') ? seedCommunities(target.db, { count: 1, accounts: options.accounts }) : none,
  ]);
  await analyzeLedger(target.db);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `  setup     funded ${spread.length + hot.length} communities and analyzed the tables in ${seconds} s`,
  );
  return { spread, hot };
}

async function comparePgbench(
  target: BenchTarget,
  options: BenchOptions,
  runs: [Scenario, TransferRun][],
  verifyTarget: string,
) {
  const skipped = pgbenchSkipReason(target, options);
  if (skipped !== null || target.url === null) {
    console.log(`\npgbench   skipped: ${skipped ?? 'no server URL'}`);
    // PGlite's figures say nothing about the targets, which are for a PostgreSQL server.
    if (target.engine === 'postgres') console.log(verifyTarget);
    return;
  }
  console.log(`\nrunning pgbench (scale ${options.clients}) for ${options.seconds} s…`);
  const pgbench = await runPgbench({
    url: target.url,
    clients: options.clients,
    seconds: options.seconds,
  });
  console.log(
    `pgbench   tps = ${pgbench.tps.toFixed(1)} (TPC-B-like, scale ${pgbench.scale}, ` +
      `${pgbench.clients} clients, ${pgbench.threads} threads, ${options.seconds} s)`,
  );
  for (const [scenario, run] of runs) {
    const ratio = transfersPerSecond(run) / pgbench.tps;
    console.log(comparisonLine(`${scenario} / pgbench`, ratio, targets[scenario]));
  }
  console.log(verifyTarget);
}

function pgbenchSkipReason(target: BenchTarget, options: BenchOptions): string | null {
  if (!options.pgbench) return '--no-pgbench';
  if (target.engine !== 'postgres') return 'the target is PGlite, not a PostgreSQL server';
  if (!pgbenchOnPath()) return 'pgbench is not on PATH';
  return null;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
