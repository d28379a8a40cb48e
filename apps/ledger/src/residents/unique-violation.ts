import { asPostgresError, UNIQUE_VIOLATION } from '@tally/db/errors';
import type { DomainError } from '@tally/domain/errors';

/**
 * Two concurrent requests can both pass a "not taken yet" check; the database's
 * unique key then refuses the second. That refusal is the person's DUPLICATE,
 * not a server fault.
 */
export async function uniqueViolationAs<T>(
  constraint: string,
  duplicate: () => DomainError,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const pgError = asPostgresError(error);
    if (pgError?.code === UNIQUE_VIOLATION && pgError.constraint === constraint) throw duplicate();
    throw error;
  }
}
