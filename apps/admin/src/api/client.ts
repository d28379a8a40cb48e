import type { AppRouter } from '@tally/ledger/router';
import { createTRPCClient, httpBatchLink } from '@trpc/client';

export type ApiClient = ReturnType<typeof createApiClient>;

/**
 * The plain tRPC client. The bearer token is read on every request, so signing in or out
 * takes effect at once without rebuilding the client.
 */
export function createApiClient({
  url = '/trpc',
  token,
}: {
  url?: string;
  token: () => string | null;
}) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url,
        // Long batches of GETs can exceed what proxies accept; they fall back to POST.
        maxURLLength: 2000,
        headers() {
          const value = token();
          return value ? { Authorization: `Bearer ${value}` } : {};
        },
      }),
    ],
  });
}
