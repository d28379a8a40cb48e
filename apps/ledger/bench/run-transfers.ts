import { randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { asPostgresError } from '@tally/db/errors';
import { isDomainError } from '@tally/domain/errors';
import type { Executor } from '../src/ledger/executor';
import { postTransaction } from '../src/ledger/post-transaction';
import { transfer } from '../src/ledger/test-factories';
import type { BenchCommunity } from './setup';

export type ErrorTally = { count: number; sample: string };

export type TransferRun = {
  transfers: number;
  elapsedMs: number;
  /** CPU this Node process spent (user + system): the client's share of the machine. */
  clientCpuMs: number;
  latenciesMs: number[];
  /** Transfers completed in each second of the run: a slowdown shows here, not in the totals. */
  perSecond: number[];
  errors: Map<string, ErrorTally>;
};

/**
 * `clients` concurrent loops, client i in community i % communities, each posting
 * 1-point transfers between two random distinct accounts, one at a time, until
 * the time is up (or the run is interrupted). A transfer in flight at the deadline
 * is finished and counted, and the elapsed time covers it.
 */
export async function runTransfers({
  db,
  communities,
  clients,
  seconds,
  signal,
}: {
  db: Executor;
  communities: BenchCommunity[];
  clients: number;
  seconds: number;
  signal: AbortSignal;
}): Promise<TransferRun> {
  const run: TransferRun = {
    transfers: 0,
    elapsedMs: 0,
    clientCpuMs: 0,
    latenciesMs: [],
    perSecond: [],
    errors: new Map(),
  };
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const client = async (target: BenchCommunity) => {
    while (performance.now() < deadline && !signal.aborted) {
      const request = transfer(target.community, { ...twoAccounts(target.accountIds), points: 1 });
      const before = performance.now();
      try {
        await postTransaction(db, request);
        const after = performance.now();
        run.latenciesMs.push(after - before);
        run.transfers++;
        // A transfer still in flight at the deadline counts in the last second.
        const second = Math.min(Math.floor((after - started) / 1000), seconds - 1);
        run.perSecond[second] = (run.perSecond[second] ?? 0) + 1;
      } catch (error) {
        countError(run.errors, error);
      }
    }
  };
  await Promise.all(
    Array.from({ length: clients }, (_, i) => client(communityFor(communities, i))),
  );
  run.elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  run.clientCpuMs = (cpu.user + cpu.system) / 1000;
  return run;
}

function communityFor(communities: BenchCommunity[], client: number): BenchCommunity {
  const community = communities[client % communities.length];
  if (!community) throw new Error('runTransfers needs at least one community');
  return community;
}

function twoAccounts(accountIds: string[]): { from: string; to: string } {
  const from = randomInt(accountIds.length);
  // An offset of 1..n-1 never lands on `from`, so the pair is always distinct.
  const to = (from + 1 + randomInt(accountIds.length - 1)) % accountIds.length;
  return { from: accountIds[from] ?? '', to: accountIds[to] ?? '' };
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
  const pgError = asPostgresError(error);
  if (pgError) return `SQLSTATE ${pgError.code}`;
  return error instanceof Error ? error.name : 'unknown';
}
