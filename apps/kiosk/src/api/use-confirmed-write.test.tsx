import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { networkFailure, refusal } from '../test/fake-api';
import type { RetryPolicy } from './retry-write';
import { useConfirmedWrite } from './use-confirmed-write';

type Input = { rewardId: string; quantity: number };
type Sent = Input & { idempotencyKey: string };

const quick: RetryPolicy = { attempts: 3, delaysMs: [0], timeoutMs: 1000 };

/** A fake transport that records every request it is given. */
function transport(answers: (() => Promise<string>)[]) {
  const sent: Sent[] = [];
  const send = vi.fn((input: Sent) => {
    sent.push(input);
    const answer = answers.shift();
    return answer ? answer() : Promise.resolve('done');
  });
  return { sent, send };
}

let keys = 0;
const newKey = () => `key-${++keys}`;

describe('a confirmed write', () => {
  it('makes its key when the resident confirms and resends that same key on every retry', async () => {
    const { sent, send } = transport([
      () => Promise.reject(networkFailure()),
      () => Promise.reject(networkFailure()),
      () => Promise.resolve('receipt'),
    ]);
    const onDone = vi.fn();
    const { result } = renderHook(() =>
      useConfirmedWrite<Input, string>(send, { policy: quick, newKey, onDone }),
    );
    expect(sent).toHaveLength(0);

    act(() => result.current.confirm({ rewardId: 'w1', quantity: 2 }));
    await waitFor(() => expect(result.current.state.status).toBe('done'));

    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((s) => s.idempotencyKey)).size).toBe(1);
    expect(sent.every((s) => s.rewardId === 'w1' && s.quantity === 2)).toBe(true);
    expect(onDone).toHaveBeenCalledTimes(1);
    expect(onDone).toHaveBeenCalledWith('receipt');
  });

  it('says it is still trying while it retries', async () => {
    let release: (value: string) => void = () => undefined;
    const { send } = transport([
      () => Promise.reject(networkFailure()),
      () => new Promise<string>((resolve) => (release = resolve)),
    ]);
    const { result } = renderHook(() =>
      useConfirmedWrite<Input, string>(send, { policy: quick, newKey }),
    );
    act(() => result.current.confirm({ rewardId: 'w1', quantity: 1 }));
    await waitFor(() => expect(result.current.state).toEqual({ status: 'sending', attempt: 2 }));
    expect(result.current.locked).toBe(true);
    await act(async () => release('receipt'));
    expect(result.current.state.status).toBe('done');
  });

  it('ignores a double tap: one key, one request', async () => {
    let release: (value: string) => void = () => undefined;
    const { sent, send } = transport([() => new Promise<string>((resolve) => (release = resolve))]);
    const { result } = renderHook(() =>
      useConfirmedWrite<Input, string>(send, { policy: quick, newKey }),
    );
    act(() => {
      result.current.confirm({ rewardId: 'w1', quantity: 1 });
      result.current.confirm({ rewardId: 'w1', quantity: 1 });
    });
    act(() => result.current.confirm({ rewardId: 'w1', quantity: 1 }));
    await act(async () => release('receipt'));
    act(() => result.current.confirm({ rewardId: 'w1', quantity: 1 }));
    expect(sent).toHaveLength(1);
  });

  it('after an unknown outcome, "Try again" resends the first request under the same key', async () => {
    const { sent, send } = transport([
      () => Promise.reject(networkFailure()),
      () => Promise.reject(networkFailure()),
      () => Promise.reject(networkFailure()),
      () => Promise.resolve('receipt'),
    ]);
    const { result } = renderHook(() =>
      useConfirmedWrite<Input, string>(send, { policy: quick, newKey }),
    );
    act(() => result.current.confirm({ rewardId: 'w1', quantity: 1 }));
    await waitFor(() => expect(result.current.state.status).toBe('unreachable'));
    expect(result.current.locked).toBe(true);

    // Even if the screen offered another quantity, the unknown first request is what goes again.
    act(() => result.current.confirm({ rewardId: 'w1', quantity: 3 }));
    await waitFor(() => expect(result.current.state.status).toBe('done'));
    expect(sent).toHaveLength(4);
    expect(new Set(sent.map((s) => s.idempotencyKey)).size).toBe(1);
    expect(sent.at(-1)?.quantity).toBe(1);
  });

  it('after a refusal, a new confirm is a new intent with a new key', async () => {
    const { sent, send } = transport([
      () => Promise.reject(refusal('OUT_OF_STOCK')),
      () => Promise.resolve('receipt'),
    ]);
    const { result } = renderHook(() =>
      useConfirmedWrite<Input, string>(send, { policy: quick, newKey }),
    );
    act(() => result.current.confirm({ rewardId: 'w1', quantity: 2 }));
    await waitFor(() => expect(result.current.state.status).toBe('refused'));
    const state = result.current.state;
    expect(state.status === 'refused' && state.failure.code).toBe('OUT_OF_STOCK');
    expect(result.current.locked).toBe(false);

    act(() => result.current.confirm({ rewardId: 'w1', quantity: 1 }));
    await waitFor(() => expect(result.current.state.status).toBe('done'));
    expect(sent.map((s) => s.quantity)).toEqual([2, 1]);
    expect(sent[0]?.idempotencyKey).not.toBe(sent[1]?.idempotencyKey);
  });
});
