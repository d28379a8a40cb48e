import { randomInt } from 'node:crypto';
import type { Executor } from '../src/ledger/executor';
import { postTransaction } from '../src/ledger/post-transaction';
import { transfer } from '../src/ledger/test-factories';
import { type LoopRun, runClosedLoop } from './closed-loop';
import type { BenchCommunity } from './setup';

/**
 * `clients` concurrent loops, client i in community i % communities, each posting
 * 1-point transfers between two random distinct accounts, one at a time, until
 * the time is up (or the run is interrupted).
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
}): Promise<LoopRun> {
  return runClosedLoop({
    clients: Array.from({ length: clients }, (_, i) => communityFor(communities, i)),
    seconds,
    signal,
    send: (target) =>
      postTransaction(
        db,
        transfer(target.community, { ...twoAccounts(target.accountIds), points: 1 }),
      ),
  });
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
