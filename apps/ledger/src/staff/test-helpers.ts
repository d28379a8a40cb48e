import { randomUUID } from 'node:crypto';
import {
  type ApiClient,
  apiClient,
  newIdempotencyKey,
  TEST_PASSWORD,
  type TestServer,
} from '../test/api';

// Small builders for the staff and sign-in tests.

export type SignInAnswer =
  | { token: string; mustChangePassword: boolean }
  | { domainCode: string; details?: Record<string, unknown> };

/**
 * Signs in as if from `address` (the request's origin): the real app, through Fastify's
 * inject, so a test can play several computers without leaving loopback.
 */
export async function signInFrom(
  server: TestServer,
  address: string,
  { username, password }: { username: string; password: string },
): Promise<SignInAnswer> {
  const response = await server.app.inject({
    method: 'POST',
    url: '/trpc/auth.login',
    headers: { 'content-type': 'application/json' },
    payload: { username, password },
    remoteAddress: address,
  });
  const body = response.json() as {
    result?: { data: { token: string; mustChangePassword: boolean } };
    error?: { data?: { domainCode?: string; details?: Record<string, unknown> } };
  };
  if (body.result) return body.result.data;
  return {
    domainCode: body.error?.data?.domainCode ?? `HTTP ${response.statusCode}`,
    ...(body.error?.data?.details ? { details: body.error.data.details } : {}),
  };
}

/** The domain code a sign-in answered with, or "signed in". */
export function outcome(answer: SignInAnswer): string {
  return 'token' in answer ? 'signed in' : answer.domainCode;
}

/** Signs in over real HTTP and returns a client for the new session. */
export async function signedIn(
  server: TestServer,
  username: string,
  password = TEST_PASSWORD,
): Promise<ApiClient> {
  const { token } = await apiClient(server.url).auth.login.mutate({ username, password });
  return apiClient(server.url, { token });
}

/** A new account opened by `office` through the API (so `office` controls it), signed in. */
export async function openedBy(
  server: TestServer,
  office: ApiClient,
  role: 'office' | 'leader' | 'auditor',
  organizationIds: string[] = [],
) {
  const user = await office.staff.create.mutate({
    idempotencyKey: newIdempotencyKey(),
    username: `${role}-${randomUUID().slice(0, 8)}`,
    password: TEST_PASSWORD,
    displayName: `Opened ${role}`,
    role,
    organizationIds,
  });
  return { user, api: await signedIn(server, user.username) };
}
