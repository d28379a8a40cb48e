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

// PostgreSQL cannot store a NUL character, nor text with half of a surrogate pair (a broken
// emoji): it refuses the whole statement. Such text is refused at the boundary instead, with the
// field named, before anything is written.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isUnstorable = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);
const UNSTORABLE_MESSAGE = 'Contains a character that cannot be stored (a NUL or a broken emoji)';

/** Where, in any input, there is text that cannot be stored (paths like `activity.title`). */
export function unstorableTextPaths(value: unknown, path: string[] = []): string[] {
  if (typeof value === 'string') return isUnstorable(value) ? [path.join('.') || 'input'] : [];
  if (Array.isArray(value))
    return value.flatMap((item, index) => unstorableTextPaths(item, [...path, String(index)]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      unstorableTextPaths(key, [...path, '(key)']).length > 0
        ? [[...path, '(key)'].join('.')]
        : unstorableTextPaths(item, [...path, key]),
    );
  }
  return [];
}

/** Refuses input holding text that cannot be stored: VALIDATION_FAILED naming each field. */
export function refuseUnstorableText(value: unknown): void {
  const paths = unstorableTextPaths(value);
  if (paths.length === 0) return;
  throw new DomainError(
    'VALIDATION_FAILED',
    paths.map((path) => `${path}: ${UNSTORABLE_MESSAGE}`).join('; '),
    {
      issues: paths.map((path) => ({
        path: path.split('.'),
        message: UNSTORABLE_MESSAGE,
        code: 'unstorable_text',
      })),
    },
  );
}
