import { describe, expect, it } from 'vitest';
import {
  DomainError,
  type ErrorKind,
  errorCatalogue,
  errorCodes,
  isDomainError,
  isErrorCode,
} from './errors';

const kinds: ErrorKind[] = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PRECONDITION_FAILED',
  'TOO_MANY_REQUESTS',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
];

describe('the error catalogue', () => {
  it.each(errorCodes)('gives %s a message a person can read and a known kind', (code) => {
    const { kind, message } = errorCatalogue[code];
    expect(message.trim()).not.toBe('');
    expect(kinds).toContain(kind);
  });

  it('lists every code in the catalogue once', () => {
    expect(new Set(errorCodes).size).toBe(Object.keys(errorCatalogue).length);
  });

  it('recognises its own codes and nothing else', () => {
    expect(isErrorCode('OUT_OF_STOCK')).toBe(true);
    expect(isErrorCode('NOT_A_CODE')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });
});

describe('DomainError', () => {
  it('carries its code, kind and the catalogue message', () => {
    const error = new DomainError('INSUFFICIENT_POINTS');
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'DomainError',
      code: 'INSUFFICIENT_POINTS',
      kind: 'PRECONDITION_FAILED',
      message: errorCatalogue.INSUFFICIENT_POINTS.message,
      details: undefined,
    });
  });

  it('keeps a more precise message and details when given them', () => {
    const error = new DomainError('VALIDATION_FAILED', 'minutes: too long', { field: 'minutes' });
    expect(error.message).toBe('minutes: too long');
    expect(error.kind).toBe('BAD_REQUEST');
    expect(error.details).toEqual({ field: 'minutes' });
  });

  it('is recognised by code, and other errors are not', () => {
    const error = new DomainError('OUT_OF_STOCK');
    expect(isDomainError(error)).toBe(true);
    expect(isDomainError(error, 'OUT_OF_STOCK')).toBe(true);
    expect(isDomainError(error, 'LIMIT_REACHED')).toBe(false);
    expect(isDomainError(new Error('OUT_OF_STOCK'))).toBe(false);
  });
});
