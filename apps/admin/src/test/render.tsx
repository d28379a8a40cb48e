import type { StaffUser } from '@tally/domain/staff';
import type { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { TRPCClientError } from '@trpc/client';
import type { ReactNode } from 'react';
import { memoryLocation } from 'wouter/memory-location';
import type { ApiClient } from '../api/client';
import { createQueryClient } from '../api/query-client';
import { AppProviders } from '../app';
import { createI18n, type Language } from '../i18n/i18n';
import { createSessionStore } from '../session/session-store';

export const staffUser = (role: StaffUser['role'], organizationIds: string[] = []): StaffUser => ({
  id: `00000000-0000-4000-8000-00000000000${role.length}`,
  username: role,
  displayName: `The ${role}`,
  role,
  communityId: '00000000-0000-4000-8000-0000000000c1',
  organizationIds,
});

/**
 * A stand-in for the tRPC client: `{ 'service.log.mutate': fn }` answers that call; any other
 * call fails the test loudly.
 */
// biome-ignore lint/suspicious/noExplicitAny: each fake answers one procedure's own input
export function fakeApi(calls: Record<string, (input: any) => unknown>): ApiClient {
  const node = (path: string[]): unknown =>
    new Proxy(() => {}, {
      get: (_target, key) => node([...path, String(key)]),
      apply: async (_target, _this, [input]) => {
        const call = calls[path.join('.')];
        if (!call) throw new Error(`unexpected API call ${path.join('.')}`);
        return call(input);
      },
    });
  return node([]) as ApiClient;
}

/** The error the service answers with, as the tRPC client raises it. */
export function apiError(domainCode: string, message = domainCode) {
  return new TRPCClientError(message, {
    result: { error: { code: -32600, message, data: { domainCode } } },
  } as ConstructorParameters<typeof TRPCClientError>[1]);
}

/** Renders UI with every provider, as `user` (or signed out), at `path`. */
export function renderWithApp(
  ui: ReactNode,
  {
    api = fakeApi({}),
    user = staffUser('office'),
    language = 'en',
    path = '/',
  }: { api?: ApiClient; user?: StaffUser | null; language?: Language; path?: string } = {},
) {
  const storage = window.sessionStorage;
  storage.clear();
  const session = createSessionStore(storage);
  if (user) session.signIn('test-token', user);
  const queryClient: QueryClient = createQueryClient(session);
  queryClient.setDefaultOptions({ queries: { retry: false, staleTime: Number.POSITIVE_INFINITY } });
  const [pathname, search = ''] = path.split('?');
  const location = memoryLocation({ path: pathname, searchPath: search, record: true });
  const i18n = createI18n(language);
  const result = render(
    <AppProviders
      api={api}
      session={session}
      queryClient={queryClient}
      i18n={i18n}
      base=""
      location={{ hook: location.hook, searchHook: location.searchHook }}
    >
      {ui}
    </AppProviders>,
  );
  return { ...result, session, queryClient, i18n, location };
}
