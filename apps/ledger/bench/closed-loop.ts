import { performance } from 'node:perf_hooks';
import { asPostgresError } from '@tally/db/errors';
import { isDomainError } from '@tally/domain/errors';
import { TRPCClientError } from '@trpc/client';

export type ErrorTally = { count: number; sample: string };

export type LoopRun = {
  /** Requests that succeeded. */
  completed: number;
  elapsedMs: number;
  /** CPU this Node process spent (user + system): the client's share of the machine. */
  clientCpuMs: number;
  latenciesMs: number[];
  /** Requests completed in each second of the run: a slowdown shows here, not in the totals. */
  perSecond: number[];
  errors: Map<string, ErrorTally>;
  /** Clients that stopped before the deadline because they had nothing left to send. */
  exhausted: number;
};

/**
 * One request of a client: resolves `false` when the client has nothing left to send
 * (a queue of prepared work ran dry), which ends that client's loop.
 */
export type SendRequest<C> = (client: C) => Promise<unknown>;

/**
 * Closed-loop load: each client sends one request, waits for its answer, sends the next,
 * until the time is up (or the run is interrupted). A request in flight at the deadline is
 * finished and counted, and the elapsed time covers it.
 */
export async function runClosedLoop<C>({
  clients,
  seconds,
  signal,
  send,
}: {
  clients: C[];
  seconds: number;
  signal: AbortSignal;
  send: SendRequest<C>;
}): Promise<LoopRun> {
  const run: LoopRun = {
    completed: 0,
    elapsedMs: 0,
    clientCpuMs: 0,
    latenciesMs: [],
    perSecond: [],
    errors: new Map(),
    exhausted: 0,
  };
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const loop = async (client: C) => {
    while (performance.now() < deadline && !signal.aborted) {
      const before = performance.now();
      try {
        if ((await send(client)) === false) {
          run.exhausted++;
          return;
        }
        const after = performance.now();
        run.latenciesMs.push(after - before);
        run.completed++;
        // A request still in flight at the deadline counts in the last second.
        const second = Math.min(Math.floor((after - started) / 1000), seconds - 1);
        run.perSecond[second] = (run.perSecond[second] ?? 0) + 1;
      } catch (error) {
        countError(run.errors, error);
      }
    }
  };
  await Promise.all(clients.map(loop));
  run.elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  run.clientCpuMs = (cpu.user + cpu.system) / 1000;
  return run;
}

export function perSecond(run: LoopRun): number {
  return run.elapsedMs > 0 ? run.completed / (run.elapsedMs / 1000) : 0;
}

export function errorCount(run: LoopRun): number {
  let total = 0;
  for (const tally of run.errors.values()) total += tally.count;
  return total;
}

function countError(errors: Map<string, ErrorTally>, error: unknown): void {
  const code = errorCode(error);
  const tally = errors.get(code);
  if (tally) {
    tally.count++;
    return;
  }
  errors.set(code, { count: 1, sample: error instanceof Error ? error.message : String(error) });
}

function errorCode(error: unknown): string {
  if (isDomainError(error)) return error.code;
  if (error instanceof TRPCClientError) {
    const data = error.data as { domainCode?: string; code?: string } | undefined;
    return data?.domainCode ?? data?.code ?? 'TRPCClientError';
  }
  const pgError = asPostgresError(error);
  if (pgError) return `SQLSTATE ${pgError.code}`;
  return error instanceof Error ? error.name : 'unknown';
}
