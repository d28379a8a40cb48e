import { randomUUID } from 'node:crypto';
import type { TestDatabase } from '@tally/db/testing';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { type AppOptions, buildApp } from '../app';
import { hashSecret } from '../auth/secrets';
import { createCommunity } from '../communities/create-community';
import type { AppRouter } from '../router';
import { createStaffUser } from '../staff/create-staff-user';

// HTTP-level test harness: the real Fastify app listening on a loopback port,
// called with the same tRPC client the apps use.

export type ApiClient = ReturnType<typeof createTRPCClient<AppRouter>>;

export type TestServer = { app: FastifyInstance; url: string; close: () => Promise<void> };

/**
 * Tests sign in hundreds of times from one address, so request limits are raised a thousandfold
 * unless a test asks for the real ones (`limitScale: 1`).
 */
export async function startTestServer(
  database: TestDatabase,
  options: Omit<AppOptions, 'db'> = {},
): Promise<TestServer> {
  const app = await buildApp({ db: database.db, limitScale: 1000, ...options });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('server has no address');
  return { app, url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}

/**
 * The real app listening for the whole of a test file (or describe block): started before its
 * tests, closed after them. Use it inside tests only; before then there is nothing to call.
 */
export function serveDuring(
  database: () => TestDatabase,
  options: Omit<AppOptions, 'db'> = {},
): TestServer {
  let started: TestServer | undefined;
  beforeAll(async () => {
    started = await startTestServer(database(), options);
  });
  afterAll(() => started?.close());
  const current = () => {
    if (!started) throw new Error('The test server starts before the tests: use it inside one.');
    return started;
  };
  return {
    get app() {
      return current().app;
    },
    get url() {
      return current().url;
    },
    close: () => current().close(),
  };
}

export function apiClient(
  url: string,
  {
    token,
    residentToken,
    forwardedFor,
    deviceId,
  }: { token?: string; residentToken?: string; forwardedFor?: string; deviceId?: string } = {},
): ApiClient {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${url}/trpc`,
        headers: () => ({
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(residentToken ? { 'x-resident-token': residentToken } : {}),
          ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
          ...(deviceId ? { 'x-device-id': deviceId } : {}),
        }),
      }),
    ],
  });
}

export const TEST_PASSWORD = 'correct horse battery';

let testPasswordHashed: Promise<string> | undefined;
/** TEST_PASSWORD's argon2 hash, made once per file: argon2 is slow on purpose. */
export function testPasswordHash(): Promise<string> {
  testPasswordHashed ??= hashSecret(TEST_PASSWORD);
  return testPasswordHashed;
}

/**
 * A fresh community with one staff member per role, each signed in. Usernames
 * are unique per call so tests in one file never collide.
 */
export async function givenCommunityWithStaff(server: TestServer, database: TestDatabase) {
  const { db } = database;
  const community = await createCommunity(db, {
    name: { zh: '', en: `Test community ${randomUUID().slice(0, 6)}` },
  });
  const suffix = randomUUID().slice(0, 8);
  const staff = async (role: 'office' | 'leader' | 'auditor', organizationIds: string[] = []) => {
    const user = await createStaffUser(
      db,
      {
        communityId: community.id,
        username: `${role}-${suffix}-${randomUUID().slice(0, 4)}`,
        password: TEST_PASSWORD,
        displayName: `Test ${role}`,
        role,
        organizationIds,
      },
      { passwordHash: await testPasswordHash() },
    );
    const { token } = await apiClient(server.url).auth.login.mutate({
      username: user.username,
      password: TEST_PASSWORD,
    });
    return { user, token, api: apiClient(server.url, { token }) };
  };
  return {
    communityId: community.id,
    office: await staff('office'),
    auditor: await staff('auditor'),
    /** Signs in a new leader of the given organizations. */
    leaderOf: (organizationIds: string[]) => staff('leader', organizationIds),
    anonymous: apiClient(server.url),
  };
}

export function newIdempotencyKey(): string {
  return `key-${randomUUID()}`;
}

/** Asserts a call failed with the given domain code (and returns the error for more checks). */
export async function expectApiError(promise: Promise<unknown>, domainCode: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected ${domainCode}`).toBeInstanceOf(TRPCClientError);
  const data = (error as TRPCClientError<AppRouter>).data as { domainCode?: string } | undefined;
  expect(data?.domainCode).toBe(domainCode);
  return error as TRPCClientError<AppRouter>;
}
