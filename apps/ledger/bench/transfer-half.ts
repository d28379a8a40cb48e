import { performance } from 'node:perf_hooks';
import type { BenchOptions, TransferScenario } from './args';
import type { ScenarioRow } from './report';
import { scenarioTable, verifyLine } from './report';
import { runTransfers } from './run-transfers';
import { analyzeLedger, type BenchCommunity, seedCommunities } from './setup';
import { type BenchTarget, warmPool } from './target';
import { type VerifyRun, verifyAll } from './verify-all';

export type TransferHalf = {
  rows: (ScenarioRow & { scenario: TransferScenario })[];
  verified: VerifyRun;
};

/**
 * Transfers posted straight to the ledger (no HTTP, no use case around them): what the posting
 * function itself sustains. Then every community is checkpointed and verified.
 */
export async function runTransferHalf(
  target: BenchTarget,
  options: BenchOptions,
  scenarios: TransferScenario[],
  signal: AbortSignal,
): Promise<TransferHalf> {
  console.log(
    `\ntransfers ${options.seconds} s per scenario, ${options.clients} clients, ` +
      `${options.communities} communities × ${options.accounts} accounts (hot: 1 × ${options.accounts})`,
  );
  const seeded = await seed(target, options, scenarios);
  if (target.engine === 'postgres') await warmPool(target.db, options.clients);

  const rows: TransferHalf['rows'] = [];
  for (const scenario of scenarios) {
    if (signal.aborted) break;
    console.log(`running ${scenario} for ${options.seconds} s…`);
    const communities = scenario === 'spread' ? seeded.spread : seeded.hot;
    const run = await runTransfers({
      db: target.db,
      communities,
      clients: options.clients,
      seconds: options.seconds,
      signal,
    });
    rows.push({ scenario, name: scenario, run });
  }
  console.log(`\n${scenarioTable(rows)}`);

  const everyCommunity = [...seeded.spread, ...seeded.hot].map((c) => c.community.communityId);
  const verified = await verifyAll(target.db, everyCommunity);
  console.log(`\n${verifyLine(verified)}`);
  if (verified.failed.length > 0) process.exitCode = 1;
  return { rows, verified };
}

async function seed(target: BenchTarget, options: BenchOptions, scenarios: TransferScenario[]) {
  const started = performance.now();
  const none: BenchCommunity[] = [];
  const [spread, hot] = await Promise.all([
    scenarios.includes('spread')
      ? seedCommunities(target.db, { count: options.communities, accounts: options.accounts })
      : none,
    scenarios.includes('hot')
      ? seedCommunities(target.db, { count: 1, accounts: options.accounts })
      : none,
  ]);
  await analyzeLedger(target.db);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `  setup     funded ${spread.length + hot.length} communities and analyzed the tables in ${seconds} s`,
  );
  return { spread, hot };
}
