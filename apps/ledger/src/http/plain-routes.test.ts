import cookie from '@fastify/cookie';
import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import Fastify from 'fastify';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type PlainRoute, plainRoutes, publicRoute, staffRoute } from './plain-routes';

// The plugin alone, with routes that never reach the database: a request without a staff token
// is refused before any lookup, so no database is needed to see the guard and the error shape.
const noDatabase = new Proxy({} as Kysely<Database>, {
  get: () => {
    throw new Error('the database was asked');
  },
});

async function serve(routes: PlainRoute[]) {
  const app = Fastify({ logger: false });
  await app.register(cookie);
  await app.register(plainRoutes, {
    db: noDatabase,
    publicUrl: new URL('http://localhost:3000'),
    limitScale: 1,
    routes,
  });
  return app;
}

describe('plain routes', () => {
  it('refuses a staff route to a caller without a staff token, in the one error shape', async () => {
    const app = await serve([
      staffRoute({ method: 'GET', url: '/office', roles: ['office'], handle: () => 'secret' }),
    ]);
    const answer = await app.inject({ url: '/office', headers: { authorization: 'Bearer tkd_x' } });
    expect(answer.statusCode).toBe(401);
    expect(answer.json()).toEqual({ domainCode: 'UNAUTHORIZED', message: expect.any(String) });
  });

  it('takes only the bearer token on a bearer-only route, never the cookie', async () => {
    const app = await serve([
      staffRoute({
        method: 'DELETE',
        url: '/thing',
        roles: ['office'],
        bearerOnly: true,
        handle: () => 'deleted',
      }),
    ]);
    const answer = await app.inject({
      method: 'DELETE',
      url: '/thing',
      cookies: { tally_session: 'tst_from-another-page' },
    });
    expect(answer.json()).toMatchObject({ domainCode: 'UNAUTHORIZED' });
  });

  it('answers a domain error with its status, and anything else as INTERNAL without its details', async () => {
    const app = await serve([
      publicRoute({
        method: 'GET',
        url: '/missing',
        handle: () => {
          throw new DomainError('NOT_FOUND', 'Nothing here.');
        },
      }),
      publicRoute({
        method: 'GET',
        url: '/broken',
        handle: () => {
          throw new Error('password=hunter2');
        },
      }),
    ]);
    const missing = await app.inject({ url: '/missing' });
    expect([missing.statusCode, missing.json()]).toEqual([
      404,
      { domainCode: 'NOT_FOUND', message: 'Nothing here.' },
    ]);
    const broken = await app.inject({ url: '/broken' });
    expect(broken.statusCode).toBe(500);
    expect(broken.json()).toMatchObject({ domainCode: 'INTERNAL' });
    expect(broken.body).not.toContain('hunter2');
  });

  it("answers a body over the route's limit with the route's own code", async () => {
    const app = await serve([
      publicRoute({
        method: 'PUT',
        url: '/upload',
        bodyLimit: 10,
        bodyTooLarge: 'PHOTO_TOO_LARGE',
        handle: () => 'stored',
      }),
    ]);
    const answer = await app.inject({
      method: 'PUT',
      url: '/upload',
      headers: { 'content-type': 'image/png' },
      body: Buffer.alloc(11),
    });
    expect(answer.json()).toMatchObject({ domainCode: 'PHOTO_TOO_LARGE' });
  });
});
