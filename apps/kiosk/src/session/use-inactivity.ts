import { useEffect, useRef, useState } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel'] as const;

/**
 * Watches for touches. After `idleSeconds` without one, `remaining` counts
 * down from `countdownSeconds`; at zero `onTimeout` runs. While the countdown
 * shows, stray touches do not cancel it — only `stay()` does — so a tap meant
 * for "I'm still here" can never fall through to a button underneath.
 * `paused` holds the clock (e.g. while a redemption is being sent).
 */
export function useInactivity({
  idleSeconds,
  countdownSeconds,
  onTimeout,
  onActivity,
  paused = false,
}: {
  idleSeconds: number;
  countdownSeconds: number;
  onTimeout: () => void;
  onActivity?: () => void;
  paused?: boolean;
}): { remaining: number | null; stay: () => void } {
  const [remaining, setRemaining] = useState<number | null>(null);
  const lastTouch = useRef(Date.now());
  const counting = useRef(false);
  const timeout = useRef(onTimeout);
  const activity = useRef(onActivity);
  timeout.current = onTimeout;
  activity.current = onActivity;

  useEffect(() => {
    const touched = () => {
      if (counting.current) return;
      lastTouch.current = Date.now();
      activity.current?.();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, touched, true);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, touched, true);
    };
  }, []);

  useEffect(() => {
    if (paused) {
      counting.current = false;
      setRemaining(null);
      return;
    }
    // Waiting on the service is not idleness: the clock starts afresh after it.
    lastTouch.current = Date.now();
    const idleMs = idleSeconds * 1000;
    const totalMs = idleMs + countdownSeconds * 1000;
    const tick = setInterval(() => {
      const idleFor = Date.now() - lastTouch.current;
      if (idleFor < idleMs) return;
      if (idleFor >= totalMs) {
        clearInterval(tick);
        counting.current = false;
        setRemaining(null);
        timeout.current();
        return;
      }
      counting.current = true;
      setRemaining(Math.ceil((totalMs - idleFor) / 1000));
    }, 250);
    return () => clearInterval(tick);
  }, [paused, idleSeconds, countdownSeconds]);

  const stay = () => {
    counting.current = false;
    lastTouch.current = Date.now();
    setRemaining(null);
    activity.current?.();
  };
  return { remaining, stay };
}
