import { isDatabaseUnavailable } from '@tally/db/errors';
import type { Database, StaffRole } from '@tally/db/schema';
import { DomainError, type ErrorKind, errorCatalogue, isDomainError } from '@tally/domain/errors';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { SESSION_COOKIE } from '../context';
import type { StaffActor } from './actors';
import { findStaffBySession } from './staff-sessions';

/** The token of an `Authorization: Bearer …` header, if there is one. */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() || null : null;
}

/**
 * The staff member behind a plain HTTP request (a CSV download, a printable page): the same
 * bearer token or session cookie the API takes, and one of the given roles.
 */
export async function staffFromRequest(
  db: Kysely<Database>,
  request: FastifyRequest,
  roles: StaffRole[],
): Promise<StaffActor> {
  const staff = await signedInStaff(db, request);
  if (!staff) throw new DomainError('UNAUTHORIZED');
  // As for every staff procedure (trpc.ts): a temporary password opens nothing but the change.
  if (staff.mustChangePassword) throw new DomainError('PASSWORD_CHANGE_REQUIRED');
  if (!roles.includes(staff.role)) throw new DomainError('FORBIDDEN');
  return staff;
}

/** The staff member signed in on this request, if any (a public page may show staff more). */
export async function signedInStaff(
  db: Kysely<Database>,
  request: FastifyRequest,
): Promise<StaffActor | null> {
  const token = bearerToken(request) ?? request.cookies[SESSION_COOKIE];
  return token ? await findStaffBySession(db, token) : null;
}

const statusOf: Record<ErrorKind, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

/**
 * A failure on a plain HTTP route (a CSV download, a printable page), answered in the one shape
 * every such route uses: the status the API would use and `{ domainCode, message }`. Anything
 * that is not a domain error is logged and answered as INTERNAL, its details kept to the log.
 */
export function sendDomainError(
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
): FastifyReply {
  if (!isDomainError(error) && isDatabaseUnavailable(error)) {
    return sendDomainError(request, reply, new DomainError('SERVICE_UNAVAILABLE'));
  }
  if (!isDomainError(error)) {
    request.log.error({ err: error }, 'request failed');
    return reply
      .code(500)
      .send({ domainCode: 'INTERNAL', message: errorCatalogue.INTERNAL.message });
  }
  const retryAfter = error.details?.retryAfterSeconds;
  if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
  return reply.code(statusOf[error.kind]).send({ domainCode: error.code, message: error.message });
}
