import { DomainError } from '@tally/domain/errors';
import { expect } from 'vitest';

/** Asserts the call failed with this domain error code, and returns the error for more checks. */
export async function expectDomainError(
  promise: Promise<unknown>,
  code: string,
): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return error as DomainError;
}
