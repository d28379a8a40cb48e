import type { Database, StaffRole } from '@tally/db/schema';
import { DomainError, type ErrorCode } from '@tally/domain/errors';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  HTTPMethods,
  RouteGenericInterface,
} from 'fastify';
import type { Kysely } from 'kysely';
import { admitStaff, type StaffActor } from '../auth/actors';
import { type Caller, callerOf } from '../auth/caller';
import { sendDomainError } from './domain-error-reply';
import { bearerToken, requestTokens } from './request-tokens';

// Plain HTTP routes: what a browser saves or shows from a link (CSV files, printable pages,
// photos), where tRPC's JSON does not fit. They are declared as a list (publicRoute,
// staffRoute) and served by one plugin: one way to find the caller, one staff guard, one
// shape of failure.

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The domain error a body over the route's limit answers. */
    bodyTooLarge?: ErrorCode;
  }
}

/** What a route's handler is given. */
export type RouteCall<Route extends RouteGenericInterface = RouteGenericInterface> = {
  request: FastifyRequest<Route>;
  reply: FastifyReply;
  db: Kysely<Database>;
  /** Where a report or an export reads: a replica when there is one (see Context.readDb). */
  readDb: Kysely<Database>;
  /** Where office PCs and kiosks open Tally: the base of every absolute address. */
  publicUrl: URL;
  limitScale: number;
  /** Who is calling, looked up only when asked (a public page may show staff more). */
  caller: Caller;
};

type RouteSpec = {
  method: Extract<HTTPMethods, 'GET' | 'PUT' | 'DELETE'>;
  url: string;
  /** False where a HEAD would do what the GET does (an audited download). */
  exposeHeadRoute?: boolean;
  bodyLimit?: number;
  bodyTooLarge?: ErrorCode;
};

export type PlainRoute = RouteSpec & { handle: (call: RouteCall) => unknown };

/** A route anyone may call. */
export function publicRoute<Route extends RouteGenericInterface>(
  route: RouteSpec & { handle: (call: RouteCall<Route>) => unknown },
): PlainRoute {
  return route as PlainRoute;
}

/**
 * A route for staff of the given roles, signed in as for the API: a bearer token or the session
 * cookie, or (`bearerOnly`, for writes a cookie could be made to send) the bearer token alone.
 */
export function staffRoute<Route extends RouteGenericInterface>({
  roles,
  bearerOnly = false,
  handle,
  ...route
}: RouteSpec & {
  roles: StaffRole[];
  bearerOnly?: boolean;
  handle: (call: RouteCall<Route> & { staff: StaffActor }) => unknown;
}): PlainRoute {
  return {
    ...route,
    handle: async (call) => {
      if (bearerOnly && !bearerToken(call.request)) throw new DomainError('UNAUTHORIZED');
      const staff = admitStaff(await call.caller.staff(), { roles });
      return handle({ ...(call as RouteCall<Route>), staff });
    },
  };
}

type Options = {
  db: Kysely<Database>;
  readDb?: Kysely<Database>;
  publicUrl: URL;
  limitScale: number;
  routes: PlainRoute[];
};

/**
 * Serves plain routes. Every failure, a handler's or Fastify's own (a body too large), answers
 * in one shape: the status the API would use and `{ domainCode, message }`.
 */
export async function plainRoutes(
  app: FastifyInstance,
  { db, readDb = db, publicUrl, limitScale, routes }: Options,
) {
  app.setErrorHandler((error, request, reply) => {
    const bodyTooLarge = request.routeOptions.config.bodyTooLarge;
    const tooLarge = (error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE';
    return sendDomainError(
      request,
      reply,
      tooLarge && bodyTooLarge ? new DomainError(bodyTooLarge) : error,
    );
  });
  // A body is bytes, whatever type it declares: what an upload is gets decided by its content.
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  for (const { method, url, exposeHeadRoute, bodyLimit, bodyTooLarge, handle } of routes) {
    app.route({
      method,
      url,
      ...(exposeHeadRoute === undefined ? {} : { exposeHeadRoute }),
      ...(bodyLimit === undefined ? {} : { bodyLimit }),
      config: { bodyTooLarge },
      handler: (request, reply) =>
        handle({
          request,
          reply,
          db,
          readDb,
          publicUrl,
          limitScale,
          // A plain route notes no session use: only API calls say when staff were last seen.
          caller: callerOf(db, requestTokens(request, { cookie: true })),
        }),
    });
  }
}
