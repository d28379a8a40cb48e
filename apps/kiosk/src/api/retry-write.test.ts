import { describe, expect, it, vi } from 'vitest';
import { networkFailure, refusal } from '../test/fake-api';
import { type RetryPolicy, sendWithRetry, UnreachableError } from './retry-write';

const quick: RetryPolicy = { attempts: 4, delaysMs: [0], timeoutMs: 1000 };
const noWait = () => Promise.resolve();

describe('sending a confirmed write', () => {
  it('retries a network failure and returns the answer of the try that got through', async () => {
    const send = vi
      .fn<(signal: AbortSignal) => Promise<string>>()
      .mockRejectedValueOnce(networkFailure())
      .mockRejectedValueOnce(networkFailure())
      .mockResolvedValueOnce('redeemed');
    const retries: number[] = [];
    const result = await sendWithRetry({
      send,
      policy: quick,
      sleep: noWait,
      onRetry: (attempt) => retries.push(attempt),
    });
    expect(result).toBe('redeemed');
    expect(send).toHaveBeenCalledTimes(3);
    expect(retries).toEqual([2, 3]);
  });

  it('never retries a refusal: the service wrote nothing and said why', async () => {
    const send = vi.fn().mockRejectedValue(refusal('INSUFFICIENT_POINTS'));
    await expect(sendWithRetry({ send, policy: quick, sleep: noWait })).rejects.toMatchObject({
      data: { domainCode: 'INSUFFICIENT_POINTS' },
    });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('retries a server failure (5xx), which may have happened after the write', async () => {
    const send = vi
      .fn()
      .mockRejectedValueOnce(refusal('INTERNAL', undefined, 500))
      .mockResolvedValueOnce('ok');
    await expect(sendWithRetry({ send, policy: quick, sleep: noWait })).resolves.toBe('ok');
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('gives up after a bounded number of tries and says the outcome is unknown', async () => {
    const send = vi.fn().mockRejectedValue(networkFailure());
    await expect(sendWithRetry({ send, policy: quick, sleep: noWait })).rejects.toBeInstanceOf(
      UnreachableError,
    );
    expect(send).toHaveBeenCalledTimes(4);
  });

  it('waits longer before each retry', async () => {
    const waits: number[] = [];
    const send = vi.fn().mockRejectedValue(networkFailure());
    await sendWithRetry({
      send,
      policy: { attempts: 4, delaysMs: [1000, 2000], timeoutMs: 1000 },
      sleep: async (ms) => {
        waits.push(ms);
      },
    }).catch(() => undefined);
    expect(waits).toEqual([1000, 2000, 2000]);
  });

  it('abandons a try that hangs and tries again', async () => {
    vi.useFakeTimers();
    try {
      const signals: AbortSignal[] = [];
      const send = vi.fn((signal: AbortSignal) => {
        signals.push(signal);
        if (signals.length > 1) return Promise.resolve('second try');
        return new Promise<string>((_, reject) =>
          signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        );
      });
      const result = sendWithRetry({ send, policy: quick, sleep: noWait });
      await vi.advanceTimersByTimeAsync(1000);
      await expect(result).resolves.toBe('second try');
      expect(signals[0]?.aborted).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
