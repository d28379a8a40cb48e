import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { SessionStore } from '../session/session-store';
import { isRefusal, isSessionEnded } from './api-error';

/**
 * One place notices an ended session: any call refused as UNAUTHORIZED sends the user back to
 * sign-in with a message. A refusal is not retried (asking again gets the same answer).
 */
export function createQueryClient(session: SessionStore): QueryClient {
  const onError = (error: unknown) => {
    if (isSessionEnded(error)) session.expire();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        retry: (failures, error) => !isRefusal(error) && failures < 2,
        refetchOnWindowFocus: false,
        staleTime: 10_000,
      },
      mutations: { retry: false },
    },
  });
}
