import type { Database, StaffRole } from '@tally/db/schema';
import { DomainError, isDomainError } from '@tally/domain/errors';
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
  const token = bearerToken(request) ?? request.cookies[SESSION_COOKIE];
  const staff = token ? await findStaffBySession(db, token) : null;
  if (!staff) throw new DomainError('UNAUTHORIZED');
  if (!roles.includes(staff.role)) throw new DomainError('FORBIDDEN');
  return staff;
}

const statusOf: Record<string, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  TOO_MANY_REQUESTS: 429,
};

/** A domain failure on a plain HTTP route, answered as the API would: status, code, message. */
export function sendDomainError(reply: FastifyReply, error: unknown): FastifyReply {
  if (!isDomainError(error)) throw error;
  return reply
    .code(statusOf[error.kind] ?? 500)
    .send({ error: { domainCode: error.code, message: error.message } });
}
