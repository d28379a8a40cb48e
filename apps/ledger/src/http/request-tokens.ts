import type { FastifyRequest } from 'fastify';
import type { CallerTokens } from '../auth/caller';
import { SESSION_COOKIE } from '../context';

/** The token of an `Authorization: Bearer …` header, if there is one. */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() || null : null;
}

/** The resident app's own random id for the phone (`x-device-id`), keying its PIN tries. */
const DEVICE_ID = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * What a request says about its caller. `cookie: false` leaves the session cookie out: the
 * browser sends it whatever page started the request, so some requests may not count it.
 */
export function requestTokens(
  request: FastifyRequest,
  { cookie }: { cookie: boolean },
): CallerTokens {
  const resident = request.headers['x-resident-token'];
  const device = request.headers['x-device-id'];
  return {
    bearer: bearerToken(request),
    cookie: cookie ? (request.cookies[SESSION_COOKIE] ?? null) : null,
    resident: typeof resident === 'string' ? resident : null,
    device: typeof device === 'string' && DEVICE_ID.test(device) ? device : null,
    userAgent: (request.headers['user-agent'] ?? '').slice(0, 200),
  };
}
