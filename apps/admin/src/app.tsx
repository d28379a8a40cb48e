import { type QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import type { i18n } from 'i18next';
import { type ReactNode, useEffect } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { type BaseLocationHook, type BaseSearchHook, Router } from 'wouter';
import { ApiProvider, useApi } from './api/api-context';
import type { ApiClient } from './api/client';
import { useApiQuery } from './api/queries';
import { MustChangePasswordPage } from './features/account/must-change-password-page';
import { AppShell } from './layout/app-shell';
import { SignInPage } from './pages/sign-in-page';
import { AppRoutes } from './routes';
import { SessionProvider, useSession, useSessionStore } from './session/session-context';
import type { SessionStore } from './session/session-store';
import { ErrorNotice, Loading } from './ui/states';
import { ToastProvider } from './ui/toast';

type RouterLocation = { hook: BaseLocationHook; searchHook: BaseSearchHook };

export type AppDependencies = {
  api: ApiClient;
  session: SessionStore;
  queryClient: QueryClient;
  i18n: i18n;
  /** Where the app is served; wouter routes below it. */
  base?: string;
};

export function App(dependencies: AppDependencies) {
  return (
    <AppProviders {...dependencies}>
      <SignedInGate />
    </AppProviders>
  );
}

/** Everything a screen needs around it; tests use it with a memory location. */
export function AppProviders({
  api,
  session,
  queryClient,
  i18n,
  base = '/admin',
  location,
  children,
}: AppDependencies & { location?: RouterLocation; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <SessionProvider store={session}>
        <ApiProvider client={api}>
          <QueryClientProvider client={queryClient}>
            <ToastProvider>
              <Router base={base} {...location}>
                {children}
              </Router>
            </ToastProvider>
          </QueryClientProvider>
        </ApiProvider>
      </SessionProvider>
    </I18nextProvider>
  );
}

/**
 * Whatever the URL, a visitor without a session sees the sign-in form; once signed in they
 * land on the page they asked for (or "not allowed" if their role may not open it).
 */
export function SignedInGate() {
  const { token, cookieChecked, user, notice, mustChangePassword } = useSession();
  const queryClient = useQueryClient();
  useEffect(() => {
    // Nothing one person saw may show to the next one on this screen.
    if (!token) queryClient.clear();
  }, [token, queryClient]);

  if (!token && !cookieChecked) return <CookieSession />;
  if (!token) return <SignInPage notice={notice} />;
  if (!user) return <WhoAmI />;
  if (mustChangePassword) return <MustChangePasswordPage />;
  return (
    <AppShell>
      <AppRoutes />
    </AppShell>
  );
}

/** A tab opened without a token: does the browser's session cookie sign it in? */
function CookieSession() {
  const api = useApi();
  const session = useSessionStore();
  useEffect(() => {
    let current = true;
    api.auth.me.query().then(
      (me) => current && session.cookieChecked(me),
      () => current && session.cookieChecked(null),
    );
    return () => {
      current = false;
    };
  }, [api, session]);
  return <Loading />;
}

/** A reload keeps the token; ask the service who it belongs to (and whether it still works). */
function WhoAmI() {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSessionStore();
  const me = useApiQuery('auth.me', undefined, () => api.auth.me.query(), { staleTime: 0 });
  useEffect(() => {
    if (me.data) session.setUser(me.data);
  }, [me.data, session]);
  if (me.isError) {
    return (
      <div className="centered-page">
        <div className="centered-card">
          <ErrorNotice error={me.error} />
          <button type="button" className="button" onClick={() => void me.refetch()}>
            {t('common.tryAgain')}
          </button>
        </div>
      </div>
    );
  }
  return <Loading />;
}
