import type { Scenario } from './args';
import { summarizeLatencies } from './percentiles';
import type { TransferRun } from './run-transfers';
import type { VerifyRun } from './verify-all';

// The issue's targets. Printed beside the figures, never asserted: a slow CI box
// must not fail a build, and a person reads the figures with the machine line.
export const targets = { spread: 1.0, hot: 0.5, verifyPerSecond: 100_000 };

export function transfersPerSecond(run: TransferRun): number {
  return run.elapsedMs > 0 ? run.transfers / (run.elapsedMs / 1000) : 0;
}

export function verifyPerSecond(run: VerifyRun): number {
  return run.elapsedMs > 0 ? run.transactions / (run.elapsedMs / 1000) : 0;
}

const header = [
  'scenario',
  'transfers',
  'transfers/s',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'errors',
  'node cpu',
  'node ms/tx',
];

export function scenarioTable(runs: [Scenario, TransferRun][]): string {
  const rows = runs.map(([scenario, run]) => {
    const latency = summarizeLatencies(run.latenciesMs);
    return [
      scenario,
      String(run.transfers),
      run.transfers === 0 ? '0' : transfersPerSecond(run).toFixed(1),
      latency.p50.toFixed(2),
      latency.p95.toFixed(2),
      latency.p99.toFixed(2),
      String(errorCount(run)),
      `${((100 * run.clientCpuMs) / run.elapsedMs).toFixed(0)}%`,
      (run.clientCpuMs / Math.max(run.transfers, 1)).toFixed(3),
    ];
  });
  const lines = [header, ...rows].map((cells) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(10) : cell.padStart(12))).join(''),
  );
  const note =
    '(node cpu: CPU this Node client used, as a share of one core; node ms/tx: per transfer)';
  const timelines = runs.map(
    ([scenario, run]) =>
      `  ${scenario} per second: ${Array.from(run.perSecond, (n) => n ?? 0).join(' ')}`,
  );
  return [...lines, note, ...timelines, ...errorLines(runs)].join('\n');
}

function errorCount(run: TransferRun): number {
  let total = 0;
  for (const tally of run.errors.values()) total += tally.count;
  return total;
}

function errorLines(runs: [Scenario, TransferRun][]): string[] {
  return runs.flatMap(([scenario, run]) =>
    [...run.errors].map(
      ([code, { count, sample }]) => `  ${scenario} error ${code} × ${count}: ${sample}`,
    ),
  );
}

export function verifyLine(run: VerifyRun): string {
  const seconds = (run.elapsedMs / 1000).toFixed(2);
  const ok = run.failed.length === 0;
  const failed = ok ? '' : ` (failed: ${run.failed.join(', ')})`;
  const checkpointSeconds = (run.checkpointMs / 1000).toFixed(2);
  const checkpointRate = rate(run.transactions / Math.max(run.checkpointMs / 1000, 0.001));
  return [
    `checkpoint ${run.transactions} seals checked and ${run.communities} heads signed in ${checkpointSeconds} s = ${checkpointRate} tx/s`,
    `verify    ${run.transactions} transactions in ${run.communities} communities in ${seconds} s = ${rate(verifyPerSecond(run))} tx/s, ok=${ok}${failed}`,
  ].join('\n');
}

export function comparisonLine(label: string, ratio: number, target: number): string {
  const verdict = ratio >= target ? 'met' : 'MISSED';
  return `  ${label.padEnd(18)}${`${ratio.toFixed(2)}×`.padStart(10)}   target ≥ ${target.toFixed(1)}×   ${verdict}`;
}

export function verifyTargetLine(run: VerifyRun): string {
  const perSecond = verifyPerSecond(run);
  const verdict = perSecond >= targets.verifyPerSecond ? 'met' : 'MISSED';
  return `  ${'verify'.padEnd(18)}${`${rate(perSecond)} tx/s`.padStart(10)}   target ≥ ${rate(targets.verifyPerSecond)} tx/s   ${verdict}`;
}

function rate(perSecond: number): string {
  return Math.round(perSecond).toLocaleString('en-US');
}
