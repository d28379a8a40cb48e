import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { describeApiError, ServiceError, serviceErrorData } from './api-error';

function refusal(data: Record<string, unknown>) {
  return TRPCClientError.from({ error: { message: 'refused', code: -32600, data } });
}

describe('reading what the service said about a failed call', () => {
  it('takes the domain code, its details and the validation issues from a refusal', () => {
    const error = refusal({
      domainCode: 'VALIDATION_FAILED',
      httpStatus: 400,
      details: { field: 'points' },
      issues: [{ path: 'points', message: 'too small' }],
    });
    expect(describeApiError(error)).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'refused',
      details: { field: 'points' },
      issues: [{ path: 'points', message: 'too small' }],
    });
  });

  it('falls back to the tRPC code when the service gave no domain code', () => {
    expect(describeApiError(refusal({ code: 'NOT_FOUND' })).code).toBe('NOT_FOUND');
  });

  it('has no code when the service never answered', () => {
    const failure = describeApiError(new TypeError('Failed to fetch'));
    expect(failure).toEqual({ code: null, message: 'Failed to fetch', details: {}, issues: [] });
    expect(serviceErrorData(new TypeError('Failed to fetch'))).toBeNull();
  });

  it('reads a refusal from a plain HTTP route', () => {
    const failure = describeApiError(new ServiceError('FORBIDDEN', 'Not yours.'));
    expect(failure).toMatchObject({ code: 'FORBIDDEN', message: 'Not yours.' });
  });
});
