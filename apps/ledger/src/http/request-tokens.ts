import type { FastifyRequest } from 'fastify';
import type { CallerTokens } from '../auth/caller';
import { SESSION_COOKIE } from '../context';

/** The token of an `Authorization: Bearer …` header, if there is one. */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() || null : null;
}

/**
 * What a request says about its caller. `cookie: false` leaves the session cookie out: the
 * browser sends it whatever page started the request, so some requests may not count it.
 */
export function requestTokens(
  request: FastifyRequest,
  { cookie }: { cookie: boolean },
): CallerTokens {
  const resident = request.headers['x-resident-token'];
  return {
    bearer: bearerToken(request),
    cookie: cookie ? (request.cookies[SESSION_COOKIE] ?? null) : null,
    resident: typeof resident === 'string' ? resident : null,
  };
}
