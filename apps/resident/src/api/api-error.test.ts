import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { isNetworkFailure, sessionEndedBy } from './api-error';

const refusal = (domainCode: string) =>
  TRPCClientError.from({
    error: { message: domainCode, code: -32600, data: { domainCode, httpStatus: 401 } },
  });

describe('reading what went wrong', () => {
  it('sends the phone back to signing in when its session is over', () => {
    expect(sessionEndedBy(refusal('SESSION_EXPIRED'))).toBe('expired');
    expect(sessionEndedBy(refusal('UNAUTHORIZED'))).toBe('unauthorized');
    expect(sessionEndedBy(refusal('WRONG_PIN'))).toBeNull();
  });

  it('tells no answer at all from a refusal', () => {
    expect(isNetworkFailure(TRPCClientError.from(new TypeError('Failed to fetch')))).toBe(true);
    expect(isNetworkFailure(refusal('ACTIVITY_FULL'))).toBe(false);
    expect(isNetworkFailure(new DOMException('aborted', 'AbortError'))).toBe(false);
  });
});
