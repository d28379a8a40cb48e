import { useCallback, useEffect, useRef, useState } from 'react';

type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * A list read a page at a time: "Show more" appends the next page below, as a phone scrolls,
 * instead of paging with buttons as the kiosk does.
 */
export function usePages<T>(key: string, load: (cursor: string | undefined) => Promise<Page<T>>) {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [loaded, setLoaded] = useState(false);
  const loader = useRef(load);
  loader.current = load;
  const generation = useRef(0);

  const fetchPage = useCallback((cursor: string | undefined, append: boolean) => {
    const mine = ++generation.current;
    setLoading(true);
    loader.current(cursor).then(
      (page) => {
        if (mine !== generation.current) return;
        setItems((previous) => (append ? [...previous, ...page.items] : page.items));
        setNext(page.nextCursor);
        setError(null);
        setLoading(false);
        setLoaded(true);
      },
      (failure: unknown) => {
        if (mine !== generation.current) return;
        setError(failure);
        setLoading(false);
      },
    );
  }, []);

  useEffect(() => fetchPage(undefined, false), [key, fetchPage]);

  const more = useCallback(() => {
    if (next) fetchPage(next, true);
  }, [next, fetchPage]);
  const reload = useCallback(() => fetchPage(undefined, false), [fetchPage]);
  return { items, hasMore: next !== null, more, loading, loaded, error, reload };
}
