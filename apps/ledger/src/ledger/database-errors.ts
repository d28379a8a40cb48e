import { asPostgresError, RAISED_EXCEPTION, UNIQUE_VIOLATION } from '@tally/db/errors';
import { DomainError, isErrorCode } from '@tally/domain/errors';

/**
 * Turns what the database refused into the domain error a person can act on.
 * The ledger's SQL raises catalogue codes as messages (e.g. INSUFFICIENT_POINTS);
 * unique keys stand for "already reversed". Anything else is not the user's doing
 * and is rethrown untouched.
 */
export function translateDatabaseError(error: unknown): unknown {
  const pgError = asPostgresError(error);
  if (!pgError) return error;
  if (pgError.code === RAISED_EXCEPTION && isErrorCode(pgError.message)) {
    return new DomainError(pgError.message, undefined, detailsOf(pgError.detail));
  }
  if (
    pgError.code === UNIQUE_VIOLATION &&
    pgError.constraint === 'ledger_transactions_reverses_key'
  ) {
    return new DomainError('ALREADY_REVERSED');
  }
  return error;
}

function detailsOf(detail: string | undefined): Record<string, unknown> | undefined {
  return detail ? { detail } : undefined;
}

export function isIdempotencyKeyRace(error: unknown): boolean {
  const pgError = asPostgresError(error);
  return (
    pgError?.code === UNIQUE_VIOLATION &&
    pgError.constraint === 'ledger_transactions_idempotency_key'
  );
}
