import type { z } from 'zod';
import { DomainError } from './errors';

/** Explains a zod failure as "field: rule" lines a person can act on. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.length > 0 ? issue.path.join('.') : 'input';
      return `${field}: ${issue.message}`;
    })
    .join('; ');
}

/** Parses at a boundary; bad input becomes VALIDATION_FAILED naming each field and rule. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new DomainError('VALIDATION_FAILED', describeIssues(result.error), {
    issues: result.error.issues.map(({ path, message, code }) => ({
      path: path.map(String),
      message,
      code,
    })),
  });
}
