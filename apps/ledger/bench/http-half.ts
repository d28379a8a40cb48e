import { performance } from 'node:perf_hooks';
import type { HttpOptions, HttpScenario } from './args';
import { type BenchServer, startBenchServer } from './bench-server';
import { type LoopRun, runClosedLoop, type SendRequest } from './closed-loop';
import {
  prepareRedeemingKiosks,
  prepareReviewDesk,
  type RedeemingKiosk,
  redeemOnce,
  reviewOnce,
} from './http-setup';
import { type ScenarioRow, scenarioTable } from './report';
import type { BenchTarget } from './target';
import { runRedeemOnTwoInstances } from './two-instances';
import { verifyAll } from './verify-all';

export type HttpHalf = { rows: ScenarioRow[] };

export type Context = {
  target: BenchTarget;
  server: BenchServer;
  options: HttpOptions;
  /** Communities the spread scenario works across. */
  communities: number;
  signal: AbortSignal;
  /** Every community the scenarios wrote to, verified at the end. */
  written: string[];
};

/**
 * The real service, listening on loopback, called over HTTP with the tRPC client the apps use
 * (undici's keep-alive connections): requests/s and latency as a kiosk or the admin app sees
 * them, with authentication, the idempotency claim and the audit entry on every write.
 */
export async function runHttpHalf(
  target: BenchTarget,
  {
    options,
    communities,
    scenarios,
  }: { options: HttpOptions; communities: number; scenarios: HttpScenario[] },
  signal: AbortSignal,
): Promise<HttpHalf> {
  const server = await startBenchServer(target);
  console.log(
    `\nHTTP      ${options.seconds} s per scenario; the service runs in ${server.description}`,
  );
  const context: Context = { target, server, options, communities, signal, written: [] };
  const rows: ScenarioRow[] = [];
  try {
    for (const scenario of scenarios) {
      if (signal.aborted) break;
      rows.push(...(await runScenario(context, scenario)));
    }
  } finally {
    await server.close();
  }
  console.log(`\n${scenarioTable(rows, 'requests')}`);
  // What the service wrote under load must hold up as any ledger does.
  const verified = await verifyAll(target.db, context.written);
  const ok = verified.failed.length === 0;
  console.log(
    `verify    the ${verified.communities} ledgers the HTTP scenarios wrote (${verified.transactions} transactions): ok=${ok}`,
  );
  if (!ok) process.exitCode = 1;
  return { rows };
}

function runScenario(context: Context, scenario: HttpScenario): Promise<ScenarioRow[]> {
  if (scenario === 'review') return runReview(context);
  if (scenario === 'redeem-instances') return runRedeemOnTwoInstances(context);
  return runRedeem(context, { spread: scenario === 'redeem-spread' });
}

async function runRedeem(context: Context, { spread }: { spread: boolean }) {
  const { target, server, options, communities } = context;
  const started = performance.now();
  const most = Math.max(...options.kiosks);
  const over = spread ? Math.min(communities, most) : 1;
  const kiosks = await prepareRedeemingKiosks(server.url, target.db, {
    communities: over,
    kiosks: Math.ceil(most / over),
  });
  context.written.push(...new Set(kiosks.map((k) => k.communityId)));
  const scenario = spread ? 'redeem-spread' : 'redeem-one';
  prepared(scenario, started, `${kiosks.length} kiosks, each with its resident identified`);
  const rows: ScenarioRow[] = [];
  for (const count of options.kiosks) {
    if (context.signal.aborted) break;
    const clients = kiosks.slice(0, count);
    const spreadOver = new Set(clients.map((k) => k.communityId)).size;
    const name = `${scenario} ×${count}${spread ? `/${spreadOver}` : ''}`;
    rows.push(await measure<RedeemingKiosk>(context, name, clients, redeemOnce));
  }
  return rows;
}

async function runReview(context: Context) {
  const { target, server, options } = context;
  const started = performance.now();
  const desk = await prepareReviewDesk(server.url, target.db, {
    reviewers: options.reviewers,
    batchSize: options.reviewBatch,
    records:
      options.reviewBatch * options.reviewers * REVIEWS_PER_REVIEWER_SECOND * options.seconds,
  });
  context.written.push(desk.communityId);
  const batches = `${desk.batches.length} batches of ${options.reviewBatch} pending records`;
  prepared('review', started, batches);
  const name = `review ×${options.reviewers}`;
  const row = await measure(context, name, desk.reviewers, (reviewer) =>
    reviewOnce(desk, reviewer),
  );
  const records = (row.run.completed * options.reviewBatch) / (row.run.elapsedMs / 1000);
  console.log(
    `  ${name}: ${options.reviewBatch} records a request = ${records.toFixed(0)} records approved/s`,
  );
  return [row];
}

/**
 * More than the review scenario approves on this kind of machine (about a quarter of that on two
 * shared cores); clients that run dry stop early, and the table says so.
 */
const REVIEWS_PER_REVIEWER_SECOND = 10;

export function prepared(scenario: HttpScenario, started: number, what: string) {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`  ${scenario}: prepared ${what} in ${seconds} s`);
}

/** One request per client first, uncounted: connections open and code warms before the clock. */
export async function measure<C>(
  context: Context,
  name: string,
  clients: C[],
  send: SendRequest<C>,
): Promise<ScenarioRow> {
  await Promise.all(clients.map(send));
  console.log(`running ${name} for ${context.options.seconds} s…`);
  const cpuBefore = await context.server.cpuMs();
  const run: LoopRun = await runClosedLoop({
    clients,
    seconds: context.options.seconds,
    signal: context.signal,
    send,
  });
  const cpuAfter = await context.server.cpuMs();
  const serverCpuMs = cpuBefore === null || cpuAfter === null ? undefined : cpuAfter - cpuBefore;
  return { name, run, ...(serverCpuMs === undefined ? {} : { serverCpuMs }) };
}
