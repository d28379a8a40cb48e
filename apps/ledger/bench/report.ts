import { errorCount, type LoopRun, perSecond } from './closed-loop';
import { summarizeLatencies } from './percentiles';
import type { VerifyRun } from './verify-all';

// The issue's targets. Printed beside the figures, never asserted: a slow CI box
// must not fail a build, and a person reads the figures with the machine line.
export const targets = { spread: 1.0, hot: 0.5, verifyPerSecond: 100_000 };

export function verifyPerSecond(run: VerifyRun): number {
  return run.elapsedMs > 0 ? run.transactions / (run.elapsedMs / 1000) : 0;
}

/** One scenario's run; `serverCpuMs` when the service ran in a process of its own. */
export type ScenarioRow = { name: string; run: LoopRun; serverCpuMs?: number };

/** What a scenario counts: a transfer posted, or an HTTP request answered. */
export type Unit = 'transfers' | 'requests';

export function scenarioTable(rows: ScenarioRow[], unit: Unit = 'transfers'): string {
  const short = unit === 'transfers' ? 'tx' : 'req';
  const server = rows.some((row) => row.serverCpuMs !== undefined);
  const header = [
    'scenario',
    unit,
    `${unit}/s`,
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'errors',
    'node cpu',
    `node ms/${short}`,
    ...(server ? ['server cpu', `server ms/${short}`] : []),
  ];
  const lines = [header, ...rows.map((row) => scenarioCells(row, server))].map((cells) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(26) : cell.padStart(14))).join(''),
  );
  const who = server ? 'this Node client (the load) and the service process' : 'this Node client';
  const note = `(cpu: CPU ${who} used, as a share of one core; ms/${short}: per ${unit.slice(0, -1)})`;
  const timelines = rows.map(
    ({ name, run }) =>
      `  ${name} per second: ${Array.from(run.perSecond, (n) => n ?? 0).join(' ')}`,
  );
  const exhausted = rows
    .filter(({ run }) => run.exhausted > 0)
    .map(({ name, run }) => `  ${name}: ${run.exhausted} clients ran out of prepared work early`);
  return [...lines, note, ...timelines, ...exhausted, ...errorLines(rows)].join('\n');
}

function scenarioCells({ name, run, serverCpuMs }: ScenarioRow, server: boolean): string[] {
  const latency = summarizeLatencies(run.latenciesMs);
  const per = (cpuMs: number) => (cpuMs / Math.max(run.completed, 1)).toFixed(3);
  const share = (cpuMs: number) => `${((100 * cpuMs) / run.elapsedMs).toFixed(0)}%`;
  return [
    name,
    String(run.completed),
    run.completed === 0 ? '0' : perSecond(run).toFixed(1),
    latency.p50.toFixed(2),
    latency.p95.toFixed(2),
    latency.p99.toFixed(2),
    String(errorCount(run)),
    share(run.clientCpuMs),
    per(run.clientCpuMs),
    ...(server ? [share(serverCpuMs ?? 0), per(serverCpuMs ?? 0)] : []),
  ];
}

function errorLines(rows: ScenarioRow[]): string[] {
  return rows.flatMap(({ name, run }) =>
    [...run.errors].map(
      ([code, { count, sample }]) => `  ${name} error ${code} × ${count}: ${sample}`,
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

export function comparisonLine(label: string, ratio: number, target?: number): string {
  const figure = `  ${label.padEnd(36)}${`${ratio.toFixed(2)}×`.padStart(10)}`;
  if (target === undefined) return figure;
  const verdict = ratio >= target ? 'met' : 'MISSED';
  return `${figure}   target ≥ ${target.toFixed(1)}×   ${verdict}`;
}

export function verifyTargetLine(run: VerifyRun): string {
  const verified = verifyPerSecond(run);
  const verdict = verified >= targets.verifyPerSecond ? 'met' : 'MISSED';
  return `  ${'verify'.padEnd(36)}${`${rate(verified)} tx/s`.padStart(10)}   target ≥ ${rate(targets.verifyPerSecond)} tx/s   ${verdict}`;
}

function rate(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
