import { isRetryable } from './api-error';

export type RetryPolicy = {
  /** Tries in all, the first included. */
  attempts: number;
  /** The pause before each retry (the last one repeats if there are more retries). */
  delaysMs: number[];
  /** A try that has not answered by then is abandoned and counted as a network failure. */
  timeoutMs: number;
};

// Four tries over about a minute at worst: long enough to ride out a dropped
// Wi-Fi packet or a restarting service, short enough that a resident waiting at
// the screen is told the truth instead of watching a spinner.
export const defaultRetryPolicy: RetryPolicy = {
  attempts: 4,
  delaysMs: [1000, 2000, 4000],
  timeoutMs: 10_000,
};

/** Every try failed on the network: the write may or may not have happened. */
export class UnreachableError extends Error {
  override readonly name = 'UnreachableError';
  constructor(readonly lastError: unknown) {
    super('The service could not be reached.');
  }
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends one write, retrying network failures a bounded number of times. The
 * caller binds the idempotency key into `send` once, so every try carries the
 * same key and the service applies the write at most once, however many of the
 * answers were lost. A refusal is thrown at once: nothing was written.
 */
export async function sendWithRetry<T>({
  send,
  policy = defaultRetryPolicy,
  onRetry,
  sleep = wait,
}: {
  send: (signal: AbortSignal) => Promise<T>;
  policy?: RetryPolicy;
  /** Told before each retry, with the number of the try about to start (2, 3, …). */
  onRetry?: (attempt: number) => void;
  sleep?: (ms: number) => Promise<void>;
}): Promise<T> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    if (attempt > 1) {
      onRetry?.(attempt);
      const delays = policy.delaysMs;
      await sleep(delays[Math.min(attempt - 2, delays.length - 1)] ?? 1000);
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), policy.timeoutMs);
    try {
      return await send(controller.signal);
    } catch (error) {
      if (!isRetryable(error)) throw error;
      lastError = error;
    } finally {
      clearTimeout(timer);
    }
  }
  throw new UnreachableError(lastError);
}
