import { performance } from 'node:perf_hooks';
import type { Executor } from '../src/ledger/executor';
import { verifyLedger } from '../src/ledger/verify-ledger';

export type VerifyRun = {
  communities: number;
  transactions: number;
  elapsedMs: number;
  /** Communities whose chain or balances did not verify; empty when all is well. */
  failed: string[];
};

/** Verifies the communities one after another, as an auditor would: one chain at a time. */
export async function verifyAll(db: Executor, communityIds: string[]): Promise<VerifyRun> {
  const run: VerifyRun = {
    communities: communityIds.length,
    transactions: 0,
    elapsedMs: 0,
    failed: [],
  };
  const started = performance.now();
  for (const communityId of communityIds) {
    const result = await verifyLedger(db, communityId);
    run.transactions += result.transactions;
    if (!result.ok) run.failed.push(communityId);
  }
  run.elapsedMs = performance.now() - started;
  return run;
}
