import { performance } from 'node:perf_hooks';
import { makeCheckpoint } from '../src/ledger/anchoring/make-checkpoint';
import type { Executor } from '../src/ledger/executor';
import { verifyLedger } from '../src/ledger/verify-ledger';

export type VerifyRun = {
  communities: number;
  transactions: number;
  elapsedMs: number;
  /** Signing each community's first checkpoint: every entry's seal checked, then the head signed. */
  checkpointMs: number;
  /** Communities whose chain or balances did not verify; empty when all is well. */
  failed: string[];
};

/**
 * Checkpoints the communities (as the service does every hour: the seals of every entry
 * since the last checkpoint checked, here all of them), then verifies them one after
 * another, as an auditor would: one chain at a time, anchored to that checkpoint.
 */
export async function verifyAll(db: Executor, communityIds: string[]): Promise<VerifyRun> {
  const run: VerifyRun = {
    communities: communityIds.length,
    transactions: 0,
    elapsedMs: 0,
    checkpointMs: 0,
    failed: [],
  };
  let started = performance.now();
  for (const communityId of communityIds) {
    await makeCheckpoint(db, communityId).catch(() => run.failed.push(communityId));
  }
  run.checkpointMs = performance.now() - started;
  started = performance.now();
  for (const communityId of communityIds) {
    const result = await verifyLedger(db, communityId);
    run.transactions += result.transactions;
    if (!result.ok && !run.failed.includes(communityId)) run.failed.push(communityId);
  }
  run.elapsedMs = performance.now() - started;
  return run;
}
