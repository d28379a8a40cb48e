import { type ApiFailure, describeApiError } from '@tally/client/api-error';
import { newIdempotencyKey } from '@tally/client/idempotency-key';
import { useCallback, useRef, useState } from 'react';

export type ActionState<T> =
  | { status: 'ready' }
  | { status: 'sending' }
  | { status: 'done'; result: T }
  | { status: 'failed'; failure: ApiFailure };

/**
 * One write the resident confirmed. Its idempotency key is made on the first tap and kept until
 * the service has answered: a tap while it is under way is ignored, and "Try again" after no
 * answer came back re-sends under the same key, so a lost answer can never donate twice. A
 * refusal means nothing was written; the next try is a new intent with a new key.
 */
export function useAction<T>(newKey: () => string = newIdempotencyKey) {
  const [state, setState] = useState<ActionState<T>>({ status: 'ready' });
  const key = useRef<string | null>(null);
  const busy = useRef(false);

  const run = useCallback(
    async (send: (idempotencyKey: string) => Promise<T>): Promise<T | null> => {
      if (busy.current) return null;
      busy.current = true;
      key.current ??= newKey();
      setState({ status: 'sending' });
      try {
        const result = await send(key.current);
        key.current = null;
        setState({ status: 'done', result });
        return result;
      } catch (error) {
        const failure = describeApiError(error);
        // No answer: the write may have happened, so only the same key may go again.
        if (failure.code !== null) key.current = null;
        setState({ status: 'failed', failure });
        return null;
      } finally {
        busy.current = false;
      }
    },
    [newKey],
  );

  const reset = useCallback(() => {
    key.current = null;
    setState({ status: 'ready' });
  }, []);
  return { state, run, reset, sending: state.status === 'sending' };
}
