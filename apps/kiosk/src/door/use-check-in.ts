import { type ApiFailure, describeApiError } from '@tally/client/api-error';
import { newIdempotencyKey } from '@tally/client/idempotency-key';
import { useCallback, useRef, useState } from 'react';
import type { CheckedIn, KioskApi } from '../api/kiosk-client';
import {
  defaultRetryPolicy,
  type RetryPolicy,
  sendWithRetry,
  UnreachableError,
} from '../api/retry-write';

export type CheckInState =
  | { status: 'ready' }
  /** attempt > 1: the first try failed on the network and we are trying again. */
  | { status: 'sending'; attempt: number }
  | { status: 'refused'; failure: ApiFailure }
  | { status: 'unreachable' };

/**
 * Check-ins at the door, one after another. Each card gets its own idempotency key, kept
 * through the retries of a dropped connection, so one tap checks in once. Unlike a redemption
 * nothing is locked after an unknown outcome: the next card at the door is another person, and
 * checking someone in twice changes nothing anyway. A tap while one is being sent is ignored.
 */
export function useCheckIn({
  api,
  activityId,
  onCheckedIn,
  policy = defaultRetryPolicy,
}: {
  api: KioskApi;
  activityId: string;
  onCheckedIn: (result: CheckedIn) => void;
  policy?: RetryPolicy;
}) {
  const [state, setState] = useState<CheckInState>({ status: 'ready' });
  const busy = useRef(false);
  const done = useRef(onCheckedIn);
  done.current = onCheckedIn;

  const checkIn = useCallback(
    (card: { cardNumber: string; pin?: string }) => {
      if (busy.current) return;
      busy.current = true;
      const idempotencyKey = newIdempotencyKey();
      setState({ status: 'sending', attempt: 1 });
      sendWithRetry({
        send: (signal) => api.checkIn.mutate({ idempotencyKey, activityId, ...card }, { signal }),
        policy,
        onRetry: (attempt) => setState({ status: 'sending', attempt }),
      })
        .then((result) => {
          setState({ status: 'ready' });
          done.current(result);
        })
        .catch((error: unknown) =>
          setState(
            error instanceof UnreachableError
              ? { status: 'unreachable' }
              : { status: 'refused', failure: describeApiError(error) },
          ),
        )
        .finally(() => {
          busy.current = false;
        });
    },
    [api, activityId, policy],
  );

  return { state, checkIn };
}
