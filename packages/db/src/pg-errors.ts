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
