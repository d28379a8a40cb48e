import type { CheckpointDocument } from '@tally/domain/checkpoints';
import type { VerifyResult } from '@tally/domain/ledger';
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/api-context';
import { usePlainMutation } from '../../api/queries';

/** Entries checked per call: a few seconds of work each on a large ledger, so the bar moves. */
export const VERIFY_STEP = 20_000;

export type VerifyProgress = { checkedThrough: number; total: number };
/** A checkpoint the office kept: the code from the poster, or the downloaded file. */
export type KeptCheckpoint = string | CheckpointDocument;
export type VerifyOutcome =
  | { kind: 'done'; result: VerifyResult; checked: number; checkedAt: Date }
  | { kind: 'stopped'; progress: VerifyProgress };

/**
 * Verifies the ledger step by step (`ledger.verify` with afterSequence/limit), reporting how far
 * it has got after each step, until the service says it is done (the whole chain and every
 * balance checked, or the first break found). Stopping takes effect between steps; leaving the
 * page stops it too, so no one's browser keeps the service busy unseen.
 */
export function useStepwiseVerify(step = VERIFY_STEP) {
  const api = useApi();
  const [progress, setProgress] = useState<VerifyProgress | null>(null);
  const [stopping, setStopping] = useState(false);
  const stopRequested = useRef(false);
  useEffect(
    () => () => {
      stopRequested.current = true;
    },
    [],
  );

  const run = usePlainMutation(
    async (checkpoint: KeptCheckpoint | undefined): Promise<VerifyOutcome> => {
      stopRequested.current = false;
      setStopping(false);
      setProgress(null);
      let afterSequence = 0;
      let checked = 0;
      for (;;) {
        const result = await api.ledger.verify.mutate({
          afterSequence,
          limit: step,
          ...(checkpoint ? { checkpoint } : {}),
        });
        checked += result.transactions;
        const reached = { checkedThrough: result.checkedThrough, total: result.total };
        setProgress(reached);
        if (result.done) return { kind: 'done', result, checked, checkedAt: new Date() };
        if (stopRequested.current) return { kind: 'stopped', progress: reached };
        // The service always moves forward; if it ever did not, asking again would loop forever.
        if (result.checkedThrough <= afterSequence) {
          throw new Error(`verification did not advance past entry ${afterSequence}`);
        }
        afterSequence = result.checkedThrough;
      }
    },
    { invalidates: ['audit.list'] },
  );

  return {
    /** Every step is held to the same kept checkpoint, when one is given. */
    start: (checkpoint?: KeptCheckpoint) => run.mutate(checkpoint),
    stop: () => {
      stopRequested.current = true;
      setStopping(true);
    },
    running: run.isPending,
    stopping: run.isPending && stopping,
    progress,
    outcome: run.data ?? null,
    error: run.error,
  };
}
