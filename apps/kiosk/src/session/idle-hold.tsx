import { createContext, useContext, useEffect } from 'react';

/** Holds the inactivity clock; the function it returns lets go again. */
export const IdleHoldContext = createContext<() => () => void>(() => () => {});

/** While `held`, the resident is waiting on us, not idle: no countdown, no sign-out. */
export function useHoldIdle(held: boolean): void {
  const hold = useContext(IdleHoldContext);
  useEffect(() => (held ? hold() : undefined), [held, hold]);
}
