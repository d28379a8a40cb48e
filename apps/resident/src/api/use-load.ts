import { useCallback, useEffect, useRef, useState } from 'react';

export type Loaded<T> = {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
};

/**
 * Loads once per `key` (and again on reload): the app's reads are few and small, so this stands
 * in for a query library and keeps the bundle small. A failed reload keeps the last data, so a
 * screen never goes blank on a blip.
 */
export function useLoad<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({
    data: undefined,
    error: null,
    loading: true,
  });
  const [nonce, setNonce] = useState(0);
  const loader = useRef(load);
  loader.current = load;

  // key and nonce are what trigger a load; the loader itself is read from a ref.
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    loader.current().then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: unknown) =>
        current && setState((previous) => ({ ...previous, error, loading: false })),
    );
    return () => {
      current = false;
    };
  }, [key, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { ...state, reload };
}
