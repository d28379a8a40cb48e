import type { AppRouter } from '@tally/ledger/router';
import type { TRPCClientError, TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import { isSessionExpired } from '../api/api-error';
import type { ApiFactory, KioskApi, Resident } from '../api/kiosk-client';

/** How long a resident may touch the screen without any call before we tell the service. */
const KEEP_ALIVE_MS = 30_000;

export type ResidentConnection = {
  api: KioskApi;
  /** The resident touched the screen: keep the service's 2-minute session alive. */
  touched: () => void;
};

/**
 * Watches every call of the resident's, in one place for all procedures: each call notes the
 * time (any call keeps the server-side session alive), and a call the service refuses because
 * the session has ended runs `onExpired` and still fails, so the screen shows nothing stale.
 * Signing out is neither: it ends the session on purpose.
 */
export function residentSessionLink({
  onCall,
  onExpired,
}: {
  onCall: () => void;
  onExpired: () => void;
}): TRPCLink<AppRouter> {
  return () =>
    ({ op, next }) => {
      if (op.path === 'kiosk.signOut') return next(op);
      onCall();
      return observable((observer) =>
        next(op).subscribe({
          next: (value) => observer.next(value),
          error: (error: TRPCClientError<AppRouter>) => {
            if (isSessionExpired(error)) onExpired();
            observer.error(error);
          },
          complete: () => observer.complete(),
        }),
      );
    };
}

/**
 * The identified resident's line to the service: their token on every call, and the session
 * link. A resident who reads the catalog for a while without a call gets a quiet kiosk.me
 * when they touch the screen. If the service says the session has ended, `onExpired` runs
 * (the kiosk asks for the PIN again).
 */
export function connectResident({
  apiFor,
  residentToken,
  onExpired,
  onResident,
  now = Date.now,
}: {
  apiFor: ApiFactory;
  residentToken: string;
  onExpired: () => void;
  onResident: (resident: Resident) => void;
  now?: () => number;
}): ResidentConnection {
  let lastCall = now();
  const session = residentSessionLink({ onCall: () => (lastCall = now()), onExpired });
  const api = apiFor({ token: residentToken, links: [session] });
  return {
    api,
    touched: () => {
      if (now() - lastCall < KEEP_ALIVE_MS) return;
      api.me.query().then(onResident, () => undefined);
    },
  };
}
