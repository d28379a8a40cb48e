import type { AppRouter } from '@tally/ledger/router';
import { createTRPCClient, httpBatchLink, type TRPCClient, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import { isNetworkFailure, type SignedOutReason, sessionEndedBy } from './api-error';
import type { MeApi } from './me-api';

export type { MeApi };

/**
 * Watches every answer: a session that has ended sends the phone back to signing in, and a
 * read that got no answer at all shows the "No connection" screen. The error still reaches
 * the screen that asked, which simply stops waiting.
 */
function watchAnswers({
  onSessionEnded,
  onNetworkDown,
}: {
  onSessionEnded: (reason: SignedOutReason) => void;
  onNetworkDown: () => void;
}): TRPCLink<AppRouter> {
  return () =>
    ({ op, next }) =>
      observable((observer) => {
        const subscription = next(op).subscribe({
          next: (value) => observer.next(value),
          complete: () => observer.complete(),
          error: (error) => {
            const ended = sessionEndedBy(error);
            if (ended) onSessionEnded(ended);
            // A write with no answer stays on its screen, whose "Try again" re-sends it under
            // the same idempotency key; leaving for the offline screen would lose that key.
            else if (op.type === 'query' && isNetworkFailure(error)) onNetworkDown();
            observer.error(error);
          },
        });
        return () => subscription.unsubscribe();
      });
}

/**
 * The `me` branch of the service's client. The token and device id are read on every request,
 * so signing in or out takes effect at once.
 */
export function createMeApi({
  url = '/trpc',
  token,
  deviceId,
  onSessionEnded = () => undefined,
  onNetworkDown = () => undefined,
  fetch,
}: {
  url?: string;
  token: () => string | null;
  deviceId: string;
  onSessionEnded?: (reason: SignedOutReason) => void;
  onNetworkDown?: () => void;
  /** The transport; tests hand in a fake one. */
  fetch?: typeof globalThis.fetch;
}): MeApi {
  const client = createTRPCClient<AppRouter>({
    links: [
      watchAnswers({ onSessionEnded, onNetworkDown }),
      httpBatchLink({
        url,
        ...(fetch ? { fetch } : {}),
        headers() {
          const headers: Record<string, string> = { 'x-device-id': deviceId };
          const current = token();
          if (current) headers.authorization = `Bearer ${current}`;
          return headers;
        },
      }),
    ],
  });
  return withSharedProcedures(client);
}

/** The `me` branch with `topics.support` and the `timebank` branch beside it (see `MeApi`). */
function withSharedProcedures(client: TRPCClient<AppRouter>): MeApi {
  const me = client.me as unknown as Record<PropertyKey, unknown>;
  return new Proxy({} as MeApi, {
    get: (_target, name) => {
      if (name === 'supportTopic') return client.topics.support;
      if (name === 'timebank') return client.timebank;
      return me[name];
    },
  });
}
