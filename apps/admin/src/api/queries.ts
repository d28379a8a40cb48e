import { newIdempotencyKey } from '@tally/client/idempotency-key';
import {
  type QueryKey,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { isRefusal } from './api-error';

// Query keys start with the procedure's path ('residents.list'), so a write can refresh
// every list it affects by naming the paths.

type QueryOptions = { enabled?: boolean; refetchInterval?: number | false; staleTime?: number };

export function useApiQuery<I, O>(
  path: string,
  input: NoInfer<I>,
  fetch: (input: I) => Promise<O>,
  options: QueryOptions = {},
) {
  return useQuery({ queryKey: [path, input] as QueryKey, queryFn: () => fetch(input), ...options });
}

type Page<T> = { items: T[]; nextCursor: string | null };

/** A cursor-paged list: pages load on demand ("Load more"), never all at once. */
export function usePagedQuery<I extends object, T>(
  path: string,
  input: NoInfer<I>,
  fetch: (input: I & { cursor?: string }) => Promise<Page<T>>,
  options: QueryOptions = {},
) {
  const query = useInfiniteQuery({
    // Paged data has another shape in the cache than one page: its key must differ.
    queryKey: [path, input, 'paged'] as QueryKey,
    queryFn: ({ pageParam }) => fetch(pageParam ? { ...input, cursor: pageParam } : input),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    ...options,
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return { ...query, items };
}

/**
 * A write that carries an idempotency key. The key belongs to one intent: a retry after a
 * lost answer reuses it (so nothing is written twice), while a success or a refusal (the
 * service answered, nothing was written) starts a new intent with a new key.
 */
export function useApiMutation<W extends { idempotencyKey: string }, O>(
  write: (input: W) => Promise<O>,
  { invalidates = [], onSuccess }: { invalidates?: string[]; onSuccess?: (result: O) => void } = {},
) {
  const queryClient = useQueryClient();
  const key = useRef(newIdempotencyKey());
  return oneAtATime(
    useMutation({
      mutationFn: (input: Omit<W, 'idempotencyKey'>) =>
        write({ ...input, idempotencyKey: key.current } as W),
      onSuccess: async (result) => {
        key.current = newIdempotencyKey();
        await invalidate(queryClient, invalidates);
        onSuccess?.(result);
      },
      onError: (error) => {
        if (isRefusal(error)) key.current = newIdempotencyKey();
      },
    }),
  );
}

/**
 * A second `mutate` while the first is under way is dropped. A button is disabled once its
 * request runs, but a double click lands both clicks before React re-renders; both would carry
 * the same idempotency key (so nothing is written twice), yet both would answer with a toast.
 */
// biome-ignore lint/suspicious/noExplicitAny: any mutation's own variables and options
function oneAtATime<M extends { mutateAsync: (...args: any[]) => Promise<unknown> }>(
  mutation: M,
): M {
  const running = useRef(false);
  const { mutateAsync } = mutation;
  const mutate = useCallback(
    (...args: Parameters<M['mutateAsync']>) => {
      if (running.current) return;
      running.current = true;
      // Like `mutate`: the outcome shows in the mutation's state, nothing is thrown here.
      mutateAsync(...args)
        .catch(() => undefined)
        .finally(() => {
          running.current = false;
        });
    },
    [mutateAsync],
  );
  return { ...mutation, mutate };
}

/** A write without a key (reads that write an audit entry, sign-in and sign-out). */
export function usePlainMutation<I, O>(
  write: (input: I) => Promise<O>,
  { invalidates = [] }: { invalidates?: string[] } = {},
) {
  const queryClient = useQueryClient();
  return oneAtATime(
    useMutation({
      mutationFn: write,
      onSuccess: () => invalidate(queryClient, invalidates),
    }),
  );
}

function invalidate(queryClient: ReturnType<typeof useQueryClient>, paths: string[]) {
  if (paths.length === 0) return Promise.resolve();
  return queryClient.invalidateQueries({
    predicate: (query) => paths.includes(String(query.queryKey[0])),
  });
}
