import { existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { isSchemaCurrent } from '@tally/db/migrate';
import type { Database } from '@tally/db/schema';
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { bearerToken } from './auth/staff-request';
import { registerCertificateRoutes } from './certificates/certificate-routes';
import { createContextInner, SESSION_COOKIE } from './context';
import { exportRoutes } from './exports/export-routes';
import { registerReportRoutes } from './reports/report-routes';
import { type AppRouter, appRouter } from './router';

export type AppOptions = {
  db: Kysely<Database>;
  /** pino options, or false for silence (tests). */
  logger?: boolean | Record<string, unknown>;
  /** Built admin and kiosk apps to serve at /admin/ and /kiosk/ (production). */
  staticApps?: { admin?: string; kiosk?: string };
  /** Requests per minute per IP for log-in and card identification. */
  sensitiveRateLimit?: number;
};

// Log-in and PIN entry are where guessing happens; they get a tighter limit.
const SENSITIVE = ['/trpc/auth.login', '/trpc/kiosk.identify'];

/** Builds the whole service without listening, so tests can drive it over real HTTP or inject. */
export async function buildApp({
  db,
  logger = false,
  staticApps = {},
  sensitiveRateLimit = 30,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      logger === true
        ? {
            redact: [
              'req.headers.authorization',
              'req.headers.cookie',
              'req.headers["x-resident-token"]',
            ],
          }
        : logger,
    trustProxy: true,
    bodyLimit: 5 * 1024 * 1024,
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  app.addHook(
    'onRequest',
    app.rateLimit({
      max: sensitiveRateLimit,
      timeWindow: '1 minute',
      allowList: (request) => !SENSITIVE.some((path) => request.url.startsWith(path)),
    }),
  );

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: ({ req, res }) =>
        createContextInner({
          db,
          meta: {
            ip: req.ip,
            bearerToken: bearerToken(req),
            cookieToken: req.cookies[SESSION_COOKIE] ?? null,
            residentToken: (req.headers['x-resident-token'] as string | undefined) ?? null,
          },
          sessionCookie: {
            set: (token, expires) =>
              res.setCookie(SESSION_COOKIE, token, {
                httpOnly: true,
                sameSite: 'strict',
                path: '/',
                expires,
                secure: req.protocol === 'https',
              }),
            clear: () => res.clearCookie(SESSION_COOKIE, { path: '/' }),
          },
        }),
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          app.log.error({ err: error.cause ?? error, path }, 'procedure failed');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  await app.register(exportRoutes, { db });

  registerReportRoutes(app, db);
  registerCertificateRoutes(app, db);
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
  app.get('/', (_request, reply) => reply.redirect('/admin/'));
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
