import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createSessionStore } from '../session/session-store';
import { useApiMutation } from './queries';
import { createQueryClient } from './query-client';

describe('a write from the admin', () => {
  it('goes out once however fast the button is clicked twice, and answers once', async () => {
    let answer: (value: { ok: true }) => void = () => {};
    const write = vi.fn(
      (_input: { idempotencyKey: string }) =>
        new Promise<{ ok: true }>((resolve) => {
          answer = resolve;
        }),
    );
    const onSuccess = vi.fn();
    const client = createQueryClient(createSessionStore(window.sessionStorage));
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(() => useApiMutation(write, { onSuccess }), { wrapper });
    await act(async () => {
      // Two clicks in the same moment, before React draws the button disabled.
      result.current.mutate({});
      result.current.mutate({});
    });
    expect(write).toHaveBeenCalledTimes(1);
    await act(async () => answer({ ok: true }));
    expect(onSuccess).toHaveBeenCalledTimes(1);
    // Once the answer is in, the next click is a new write.
    await act(async () => result.current.mutate({}));
    expect(write).toHaveBeenCalledTimes(2);
  });
});
