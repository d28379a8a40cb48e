import { newLedgerKey, useLedgerKey } from '../src/ledger/anchoring/ledger-key';
import {
  type BenchOptions,
  type HttpScenario,
  isHttpScenario,
  parseBenchArgs,
  type TransferScenario,
  UsageError,
  usage,
} from './args';
import { perSecond } from './closed-loop';
import { type HttpHalf, runHttpHalf } from './http-half';
import { describeLoad, describeMachine } from './machine';
import { pgbenchOnPath, runPgbench } from './pgbench';
import { comparisonLine, targets, verifyTargetLine } from './report';
import { type BenchTarget, openBenchTarget } from './target';
import { runTransferHalf, type TransferHalf } from './transfer-half';

// `pnpm bench`: transfers posted straight to the ledger, then the real service over HTTP,
// each beside pgbench on the same server. Figures are printed, never asserted.

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
  const transferScenarios = options.scenarios.filter(
    (s): s is TransferScenario => !isHttpScenario(s),
  );
  const httpScenarios = options.scenarios.filter(isHttpScenario);
  const transfers =
    transferScenarios.length > 0
      ? await runTransferHalf(target, options, transferScenarios, signal)
      : null;
  const http =
    httpScenarios.length > 0 && !signal.aborted
      ? await runHttpHalf(target, httpInput(options, httpScenarios), signal)
      : null;
  if (signal.aborted) return;
  await comparePgbench(target, options, { transfers, http });
}

function httpInput(options: BenchOptions, scenarios: HttpScenario[]) {
  return { options: options.http, communities: options.communities, scenarios };
}

async function comparePgbench(
  target: BenchTarget,
  options: BenchOptions,
  { transfers, http }: { transfers: TransferHalf | null; http: HttpHalf | null },
) {
  // PGlite's figures say nothing about the targets, which are for a PostgreSQL server.
  const verifyTarget =
    transfers && target.engine === 'postgres' ? verifyTargetLine(transfers.verified) : null;
  const skipped = pgbenchSkipReason(target, options);
  if (skipped !== null || target.url === null) {
    console.log(`\npgbench   skipped: ${skipped ?? 'no server URL'}`);
    if (verifyTarget) console.log(verifyTarget);
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
  for (const { scenario, run } of transfers?.rows ?? []) {
    console.log(
      comparisonLine(`${scenario} / pgbench`, perSecond(run) / pgbench.tps, targets[scenario]),
    );
  }
  // The HTTP scenarios have no target yet: their ratios are for the record.
  for (const { name, run } of http?.rows ?? []) {
    console.log(comparisonLine(`${name} / pgbench`, perSecond(run) / pgbench.tps));
  }
  if (verifyTarget) console.log(verifyTarget);
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
