import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useInactivity } from './use-inactivity';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const touch = () => window.dispatchEvent(new Event('pointerdown'));

describe('the inactivity countdown', () => {
  it('counts down after 60 s without a touch and signs out at zero', () => {
    const onTimeout = vi.fn();
    const { result } = renderHook(() =>
      useInactivity({ idleSeconds: 60, countdownSeconds: 20, onTimeout }),
    );
    act(() => vi.advanceTimersByTime(59_000));
    expect(result.current.remaining).toBeNull();
    act(() => vi.advanceTimersByTime(1_250));
    expect(result.current.remaining).toBe(20);
    act(() => vi.advanceTimersByTime(10_000));
    expect(result.current.remaining).toBe(10);
    expect(onTimeout).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(10_000));
    expect(onTimeout).toHaveBeenCalledTimes(1);
    expect(result.current.remaining).toBeNull();
  });

  it('starts afresh at every touch', () => {
    const onTimeout = vi.fn();
    const { result } = renderHook(() =>
      useInactivity({ idleSeconds: 60, countdownSeconds: 20, onTimeout }),
    );
    act(() => vi.advanceTimersByTime(50_000));
    touch();
    act(() => vi.advanceTimersByTime(50_000));
    expect(result.current.remaining).toBeNull();
  });

  it('is stopped only by "I\'m still here", not by a stray touch', () => {
    const onTimeout = vi.fn();
    const { result } = renderHook(() =>
      useInactivity({ idleSeconds: 5, countdownSeconds: 5, onTimeout }),
    );
    act(() => vi.advanceTimersByTime(6_000));
    expect(result.current.remaining).not.toBeNull();
    touch();
    act(() => vi.advanceTimersByTime(1_000));
    expect(result.current.remaining).not.toBeNull();
    act(() => result.current.stay());
    expect(result.current.remaining).toBeNull();
    act(() => vi.advanceTimersByTime(4_000));
    expect(result.current.remaining).toBeNull();
    expect(onTimeout).not.toHaveBeenCalled();
  });

  it('holds while the kiosk waits on the service', () => {
    const onTimeout = vi.fn();
    const { result, rerender } = renderHook(
      ({ paused }) => useInactivity({ idleSeconds: 5, countdownSeconds: 5, onTimeout, paused }),
      { initialProps: { paused: true } },
    );
    act(() => vi.advanceTimersByTime(30_000));
    expect(result.current.remaining).toBeNull();
    rerender({ paused: false });
    act(() => vi.advanceTimersByTime(4_000));
    expect(result.current.remaining).toBeNull();
    act(() => vi.advanceTimersByTime(7_000));
    expect(onTimeout).toHaveBeenCalledTimes(1);
  });
});
