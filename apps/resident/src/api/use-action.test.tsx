import { act, renderHook } from '@testing-library/react';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it, vi } from 'vitest';
import { useAction } from './use-action';

const refusal = (domainCode: string) =>
  TRPCClientError.from({
    error: { message: domainCode, code: -32600, data: { domainCode, httpStatus: 412 } },
  });

describe('a confirmed write', () => {
  it('re-sends under the same key when no answer came back, so it is applied at most once', async () => {
    let made = 0;
    const { result } = renderHook(() => useAction<string>(() => `key-${++made}`));
    const send = vi
      .fn()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce('ok');
    await act(() => result.current.run(send));
    expect(result.current.state).toMatchObject({ status: 'failed', failure: { code: null } });
    await act(() => result.current.run(send));
    expect(send.mock.calls).toEqual([['key-1'], ['key-1']]);
    expect(result.current.state).toEqual({ status: 'done', result: 'ok' });
  });

  it('takes a new key after a refusal: nothing was written', async () => {
    let made = 0;
    const { result } = renderHook(() => useAction<string>(() => `key-${++made}`));
    const send = vi
      .fn()
      .mockRejectedValueOnce(refusal('INSUFFICIENT_POINTS'))
      .mockResolvedValueOnce('ok');
    await act(() => result.current.run(send));
    expect(result.current.state).toMatchObject({ failure: { code: 'INSUFFICIENT_POINTS' } });
    await act(() => result.current.run(send));
    expect(send.mock.calls).toEqual([['key-1'], ['key-2']]);
  });
});
