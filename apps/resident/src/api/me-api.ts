import type { AppRouter } from '@tally/ledger/router';
import type { TRPCClient } from '@trpc/client';

/** Everything the app asks of the service: the `me` branch of the router's own client. */
export type MeApi = TRPCClient<AppRouter>['me'];
