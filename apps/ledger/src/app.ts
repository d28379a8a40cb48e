import { existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { isSchemaCurrent } from '@tally/db/migrate';
import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { certificateRoutes } from './certificates/certificate-routes';
import { createContextInner, SESSION_COOKIE } from './context';
import { exportRoutes } from './exports/export-routes';
import { plainRoutes } from './http/plain-routes';
import { requestTokens } from './http/request-tokens';
import { loggerOptions, redactSecrets } from './logging';
import { reportRoutes } from './reports/report-routes';
import { rewardPhotoRoutes } from './rewards/reward-photo-routes';
import { type AppRouter, appRouter } from './router';

export type AppOptions = {
  db: Kysely<Database>;
  /** A replica for heavy reads (DATABASE_READ_URL); the primary when absent. */
  readDb?: Kysely<Database>;
  /** pino options, or false for silence (tests). */
  logger?: boolean | Record<string, unknown>;
  /** Built admin, kiosk and resident apps to serve at /admin/, /kiosk/ and /me/ (production). */
  staticApps?: { admin?: string; kiosk?: string; resident?: string };
  /**
   * Where kiosks and office PCs open Tally (PUBLIC_URL): the only source of absolute addresses,
   * and whether HTTPS-only headers (HSTS, upgrade-insecure-requests) may be sent at all.
   */
  publicUrl?: URL;
  /** Addresses or CIDR ranges of reverse proxies whose X-Forwarded-For is believed; none by default. */
  trustProxy?: string[];
  /** Multiplies every request limit: tests that sign in hundreds of times from one address raise it. */
  limitScale?: number;
};

/** Builds the whole service without listening, so tests can drive it over real HTTP or inject. */
export async function buildApp({
  db,
  readDb = db,
  logger = false,
  staticApps = {},
  publicUrl = new URL('http://localhost:3000'),
  trustProxy = [],
  limitScale = 1,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger === true ? loggerOptions('info') : logger,
    // A client's own X-Forwarded-For would otherwise pick the address every limit and the audit
    // log go by; only named proxies are believed.
    trustProxy: trustProxy.length > 0 ? trustProxy : false,
    bodyLimit: 5 * 1024 * 1024,
  });
  const https = publicUrl.protocol === 'https:';

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        // Over plain HTTP on the office network this would send every script and stylesheet
        // request to https:// and leave both apps blank.
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    strictTransportSecurity: https ? { maxAge: 15_552_000, includeSubDomains: false } : false,
    // Browsers ignore (and complain about) these on an origin that is not secure.
    crossOriginOpenerPolicy: https,
    originAgentCluster: https,
  });
  await app.register(cookie);

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: ({ req, res }) =>
        createContextInner({
          db,
          readDb,
          limitScale,
          publicUrl,
          meta: {
            ip: req.ip,
            tokens: requestTokens(req, { cookie: cookieMayAuthenticate(req, publicUrl) }),
          },
          sessionCookie: {
            set: (token, expires) =>
              res.setCookie(SESSION_COOKIE, token, {
                httpOnly: true,
                sameSite: 'strict',
                path: '/',
                expires,
                secure: https,
              }),
            clear: () => res.clearCookie(SESSION_COOKIE, { path: '/' }),
          },
        }),
      responseMeta: ({ errors }) => {
        const retryAfter = Math.max(0, ...errors.map(retryAfterSeconds));
        return retryAfter > 0 ? { headers: { 'retry-after': String(retryAfter) } } : {};
      },
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          app.log.error({ err: error.cause ?? error, path }, 'procedure failed');
        if (error.code === 'SERVICE_UNAVAILABLE')
          app.log.warn({ path }, 'the database cannot be reached');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  await app.register(plainRoutes, {
    db,
    readDb,
    publicUrl,
    limitScale,
    routes: [...exportRoutes, ...reportRoutes, ...certificateRoutes, ...rewardPhotoRoutes],
  });
  app.get('/healthz', async () => ({ ok: true }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await sql`select 1`.execute(db);
      const current = await isSchemaCurrent(db);
      return reply
        .code(current ? 200 : 503)
        .send({ ok: current, database: 'up', migrations: current ? 'applied' : 'pending' });
    } catch {
      return reply.code(503).send({ ok: false, database: 'down' });
    }
  });

  await serveApp(app, '/admin/', staticApps.admin);
  await serveApp(app, '/kiosk/', staticApps.kiosk);
  await serveApp(app, '/me/', staticApps.resident);
  app.get('/', (_request, reply) => reply.redirect('/admin/'));
  // Fastify's own answer would log the whole address, a kiosk's ?token= included.
  app.setNotFoundHandler((request, reply) => {
    request.log.info({ url: redactSecrets(request.url) }, 'no such address');
    return reply
      .code(404)
      .send({ domainCode: 'NOT_FOUND', message: 'There is nothing at this address.' });
  });
  return app;
}

/** Serves a built single-page app, falling back to its index.html for client-side routes. */
async function serveApp(app: FastifyInstance, prefix: string, root: string | undefined) {
  if (!root || !existsSync(root)) return;
  await app.register(async (scope) => {
    await scope.register(fastifyStatic, { root, prefix, decorateReply: true, wildcard: false });
    scope.get(`${prefix}*`, (_request, reply) => reply.sendFile('index.html', root));
  });
}

/**
 * The session cookie is sent by the browser whatever page started the request, so on a write it
 * only counts when the request is JSON from one of Tally's own pages: an HTML form on another
 * site can neither send JSON nor forge the Origin header.
 */
function cookieMayAuthenticate(request: FastifyRequest, publicUrl: URL): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return true;
  const json = request.headers['content-type']?.split(';')[0]?.trim() === 'application/json';
  const origin = request.headers.origin;
  return (
    json &&
    origin !== undefined &&
    (origin === publicUrl.origin || origin === `${request.protocol}://${request.host}`)
  );
}

function retryAfterSeconds(error: { cause?: unknown }): number {
  const details = error.cause instanceof DomainError ? error.cause.details : undefined;
  const seconds = details?.retryAfterSeconds;
  return typeof seconds === 'number' ? seconds : 0;
}
