import { isDatabaseUnavailable } from '@tally/db/errors';
import { DomainError, type ErrorKind, errorCatalogue, isDomainError } from '@tally/domain/errors';
import type { FastifyReply, FastifyRequest } from 'fastify';

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
