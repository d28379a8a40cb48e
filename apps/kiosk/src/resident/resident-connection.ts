import { isSessionExpired } from '../api/api-error';
import type { KioskApi } from '../api/kiosk-client';

/** How long a resident may touch the screen without any call before we tell the service. */
const KEEP_ALIVE_MS = 30_000;

export type ResidentConnection = {
  api: KioskApi;
  /** The resident touched the screen: keep the service's 2-minute session alive. */
  touched: () => void;
};

/**
 * The identified resident's line to the service. Every call notes the time,
 * since each call keeps the server-side session alive; a resident who reads the
 * catalog for a while without a call gets a quiet kiosk.me instead. If the
 * service says the session has ended, `onExpired` runs (the kiosk asks for the
 * PIN again) and the call still fails, so the screen shows nothing stale.
 */
export function connectResident({
  api,
  onExpired,
  onResident,
  now = Date.now,
}: {
  api: KioskApi;
  onExpired: () => void;
  onResident: (resident: Awaited<ReturnType<KioskApi['me']>>) => void;
  now?: () => number;
}): ResidentConnection {
  let lastCall = now();
  const guard =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      lastCall = now();
      return call(...args).catch((error: unknown) => {
        if (isSessionExpired(error)) onExpired();
        throw error;
      });
    };
  const guarded: KioskApi = {
    community: guard(api.community),
    goals: guard(api.goals),
    identify: guard(api.identify),
    me: guard(api.me),
    history: guard(api.history),
    catalog: guard(api.catalog),
    redeem: guard(api.redeem),
    donate: guard(api.donate),
    signOut: api.signOut,
    notices: guard(api.notices),
    myRecords: guard(api.myRecords),
    myCorrections: guard(api.myCorrections),
    requestCorrection: guard(api.requestCorrection),
    invitations: guard(api.invitations),
    answerInvitation: guard(api.answerInvitation),
  };
  return {
    api: guarded,
    touched: () => {
      if (now() - lastCall < KEEP_ALIVE_MS) return;
      guarded.me().then(onResident, () => undefined);
    },
  };
}
