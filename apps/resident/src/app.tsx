import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ActForScreen } from './act-for/act-for-screen';
import { sessionEndedBy } from './api/api-error';
import { createMeApi } from './api/me-client';
import type { MeSession } from './api/me-types';
import { RoutedScreen } from './routed-screen';
import { useLocation } from './router/location';
import { isPublic, nextAfterSignIn, routeOf, signInPath } from './router/routes';
import {
  chosenCommunity,
  deviceId,
  forgetToken,
  readToken,
  rememberCommunity,
  type Storages,
  saveToken,
} from './session/device-storage';
import { OfflineScreen } from './shell/offline-screen';
import { Shell } from './shell/shell';
import { type SignedIn, SignInScreen } from './sign-in/sign-in-screen';
import { Failure, Loading } from './ui/status';

/** Why the sign-in screen shows: the session ended, this phone's sign-in is void, or signed out. */
export type SignedOutNote = 'expired' | 'unauthorized' | 'signedOut';

/**
 * The app's one flow: sign in, (a proxy) choose whom to act for, then the pages. A session the
 * service ends sends the phone back to sign in, saying why; a request with no answer at all
 * shows the "No connection" screen until the resident tries again.
 */
export function App({
  storages,
  url = '/trpc',
  makeApi = createMeApi,
}: {
  storages: Storages;
  url?: string;
  /** The service's client; tests hand in one over a fake service. */
  makeApi?: typeof createMeApi;
}) {
  const { pathname, search, navigate } = useLocation();
  const route = routeOf(pathname, search);
  const [token, setToken] = useState(() => readToken(storages));
  const [note, setNote] = useState<SignedOutNote | null>(null);
  const [offline, setOffline] = useState(
    () => typeof navigator !== 'undefined' && navigator.onLine === false,
  );
  const [attempt, setAttempt] = useState(0);
  const [session, setSession] = useState<MeSession | null>(null);
  const [sessionError, setSessionError] = useState<unknown>(null);
  const tokenRef = useRef(token);
  tokenRef.current = token;

  const endSession = useCallback(
    (reason: SignedOutNote) => {
      forgetToken(storages);
      tokenRef.current = null;
      setToken(null);
      setSession(null);
      setNote(reason);
    },
    [storages],
  );

  const api = useMemo(
    () =>
      makeApi({
        url,
        token: () => tokenRef.current,
        deviceId: deviceId(storages.local),
        // A request still on its way when the phone signed out may come back refused: ignore it.
        onSessionEnded: (reason) => tokenRef.current && endSession(reason),
        onNetworkDown: () => setOffline(true),
      }),
    [makeApi, url, storages, endSession],
  );

  useEffect(() => {
    if (!token) return;
    let current = true;
    setSessionError(null);
    api.session.query().then(
      (loaded) => current && setSession(loaded),
      (error: unknown) => {
        if (!current) return;
        const ended = sessionEndedBy(error);
        if (ended) endSession(ended);
        else setSessionError(error);
      },
    );
    return () => {
      current = false;
    };
  }, [api, token, attempt, endSession]);

  // Signed out, every page but sign-in goes there first and comes back after; signed in, the
  // sign-in page goes on to where the resident was headed.
  useEffect(() => {
    if (!token && !isPublic(route)) navigate(signInPath(pathname, search), { replace: true });
    if (token && route.name === 'signIn') navigate(nextAfterSignIn(search), { replace: true });
  }, [token, route, pathname, search, navigate]);

  const signedIn = useCallback(
    ({ token: fresh, remember, communityId }: SignedIn) => {
      saveToken(storages, fresh, remember);
      if (communityId) rememberCommunity(storages.local, communityId);
      setSession(null);
      setNote(null);
      setToken(fresh);
    },
    [storages],
  );

  // The request reads the token when it leaves, so the phone forgets it only once the service
  // has answered (or could not be reached): forgetting it first sent the sign-out unsigned and
  // left the session alive on the service.
  const signOut = useCallback(() => {
    api.signOut
      .mutate()
      .catch(() => undefined)
      .finally(() => endSession('signedOut'));
  }, [api, endSession]);

  const retry = () => {
    setOffline(false);
    setAttempt((n) => n + 1);
  };

  if (offline) return <OfflineScreen onRetry={retry} />;
  if (!token) {
    return (
      <SignInScreen
        key={attempt}
        api={api}
        note={note}
        preferredCommunity={chosenCommunity(storages.local, search)}
        onSignedIn={signedIn}
      />
    );
  }
  if (!session) {
    return (
      <div className="app">
        <main className="main">
          {sessionError ? <Failure error={sessionError} onRetry={retry} /> : <Loading />}
        </main>
      </div>
    );
  }
  const choosing = session.actingFor === null || route.name === 'actFor';
  return (
    <Shell session={session} route={route}>
      {choosing ? (
        <ActForScreen
          api={api}
          session={session}
          onSession={(next) => {
            setSession(next);
            if (route.name === 'actFor') window.history.back();
          }}
        />
      ) : (
        <RoutedScreen
          key={`${attempt}:${session.actingFor?.residentId}`}
          route={route}
          api={api}
          session={session}
          onSession={setSession}
          onSignOut={signOut}
        />
      )}
    </Shell>
  );
}
