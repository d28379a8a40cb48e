import { sql } from 'kysely';
import type { Executor } from '../src/ledger/executor';
import {
  type GivenCommunity,
  givenCommunity,
  givenResidentPoints,
} from '../src/ledger/test-factories';

export type BenchCommunity = { community: GivenCommunity; accountIds: string[] };

/**
 * Far more than a run can move: transfers are 1 point between random accounts, so
 * a balance drifts by roughly the square root of its transfers. An overdraft
 * (INSUFFICIENT_POINTS) would mean a bug, not an unlucky run.
 */
const OPENING_POINTS = 1_000_000_000;

/** Communities, each with a points source and `accounts` funded residents with a floor of 0. */
export async function seedCommunities(
  db: Executor,
  { count, accounts }: { count: number; accounts: number },
): Promise<BenchCommunity[]> {
  return Promise.all(Array.from({ length: count }, () => seedCommunity(db, accounts)));
}

/**
 * Gives the planner statistics, as autovacuum would on a live server. Without
 * them, plans cached while the tables were tiny find a community's transactions
 * through (community_id, created_at) instead of the idempotency or primary key,
 * so each posting scans its whole community and the run slows as it goes.
 */
export async function analyzeLedger(db: Executor): Promise<void> {
  await sql`analyze communities, ledger_chains, ledger_accounts, ledger_transactions, ledger_postings`.execute(
    db,
  );
}

async function seedCommunity(db: Executor, accounts: number): Promise<BenchCommunity> {
  const community = await givenCommunity(db);
  const accountIds: string[] = [];
  for (let i = 0; i < accounts; i++) {
    const account = await givenResidentPoints(db, community, OPENING_POINTS);
    accountIds.push(account.id);
  }
  return { community, accountIds };
}
