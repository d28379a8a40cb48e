import type { AppRouter } from '@tally/ledger/router';
import type { TRPCClient } from '@trpc/client';

type Client = TRPCClient<AppRouter>;

/**
 * Everything the app asks of the service: the `me` branch of the router's own client,
 * `topics.support`, a procedure the kiosk and the phone share (it takes either session), under
 * the name the screens use, and the time bank's `timebank` branch, which serves the kiosk and
 * the phone under the same names.
 */
export type MeApi = Client['me'] & {
  supportTopic: Client['topics']['support'];
  timebank: Client['timebank'];
};
