import { type ApiFailure, describeApiError } from '@tally/client/api-error';
import { newIdempotencyKey } from '@tally/client/idempotency-key';
import { useCallback, useRef, useState } from 'react';
import {
  defaultRetryPolicy,
  type RetryPolicy,
  sendWithRetry,
  UnreachableError,
} from './retry-write';

export type WriteState<T> =
  | { status: 'ready' }
  /** attempt > 1 means the first try failed on the network and we are retrying. */
  | { status: 'sending'; attempt: number }
  | { status: 'done'; result: T }
  /** The service said no: nothing was written, a new confirm gets a new key. */
  | { status: 'refused'; failure: ApiFailure }
  /** No answer after every try: the outcome is unknown, so only the same key may be sent again. */
  | { status: 'unreachable' };

type Send<I, T> = (input: I & { idempotencyKey: string }, signal: AbortSignal) => Promise<T>;

/**
 * One confirmed write (a redemption, a donation). The idempotency key is made
 * when the resident first confirms, not before, and kept until the service has
 * answered: double taps are ignored while a try is under way, and "Try again"
 * after an unknown outcome re-sends the same input under the same key, so the
 * resident can never pay twice for one intent.
 */
export function useConfirmedWrite<I, T>(
  send: Send<I, T>,
  {
    onDone,
    policy = defaultRetryPolicy,
    newKey = newIdempotencyKey,
  }: {
    /** Runs once, when the service has applied the write. */
    onDone?: (result: T) => void;
    policy?: RetryPolicy;
    newKey?: () => string;
  } = {},
) {
  const [state, setState] = useState<WriteState<T>>({ status: 'ready' });
  const intent = useRef<{ key: string; input: I } | null>(null);
  const busy = useRef(false);
  const finished = useRef(false);
  const done = useRef(onDone);
  done.current = onDone;

  const confirm = useCallback(
    (input: I) => {
      if (busy.current || finished.current) return;
      busy.current = true;
      intent.current ??= { key: newKey(), input };
      const { key, input: sent } = intent.current;
      setState({ status: 'sending', attempt: 1 });
      sendWithRetry({
        send: (signal) => send({ ...sent, idempotencyKey: key }, signal),
        policy,
        onRetry: (attempt) => setState({ status: 'sending', attempt }),
      })
        .then((result) => {
          finished.current = true;
          setState({ status: 'done', result });
          done.current?.(result);
        })
        .catch((error: unknown) => {
          if (error instanceof UnreachableError) {
            setState({ status: 'unreachable' });
            return;
          }
          intent.current = null;
          setState({ status: 'refused', failure: describeApiError(error) });
        })
        .finally(() => {
          busy.current = false;
        });
    },
    [send, policy, newKey],
  );

  /** An unknown outcome locks the input: what is re-sent must be what was first confirmed. */
  const locked = state.status === 'sending' || state.status === 'unreachable';
  return { state, confirm, locked };
}
