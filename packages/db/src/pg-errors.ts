/** The parts of a PostgreSQL error we act on. pg and PGlite both expose these fields. */
export type PostgresError = {
  code: string;
  message: string;
  detail?: string | undefined;
  constraint?: string | undefined;
};

export function asPostgresError(error: unknown): PostgresError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code !== 'string' || typeof message !== 'string') return undefined;
  return error as PostgresError;
}

/** PostgreSQL's SQLSTATE for a raised exception (our functions' domain errors). */
export const RAISED_EXCEPTION = 'P0001';
export const UNIQUE_VIOLATION = '23505';
export const CHECK_VIOLATION = '23514';
/** PostgreSQL broke a deadlock by aborting this statement: nothing of it was kept. */
export const DEADLOCK_DETECTED = '40P01';

// What a lost or refused connection looks like: the socket's error codes, pg's own messages, and
// PostgreSQL's connection-exception class (08), shutdown (57P01–57P03) and too many connections.
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
const CONNECTION_MESSAGES = [
  'Connection terminated',
  'connection error',
  'timeout exceeded when trying to connect',
  'Connection ended',
  'Client was closed and is not queryable',
  'terminating connection',
];

/**
 * True when a query failed because the database could not be reached (stopped, restarting,
 * failing over, or the network between), not because of what was asked: the request may be
 * retried with the same idempotency key once the database is back.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; depth++) {
    if (typeof cause !== 'object') return false;
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (CONNECTION_ERROR_CODES.has(code) || code.startsWith('08')))
      return true;
    if (typeof message === 'string' && CONNECTION_MESSAGES.some((m) => message.includes(m)))
      return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}
