import { describeApiError, ServiceError } from '@tally/client/api-error';
import { TRPCClientError } from '@trpc/client';

/** The service answered and refused: nothing was written, so a new request key is safe. */
export function isRefusal(error: unknown): boolean {
  return (error instanceof TRPCClientError && error.data != null) || error instanceof ServiceError;
}

/** The session is gone (expired, signed out elsewhere, or the token was revoked). */
export function isSessionEnded(error: unknown): boolean {
  const { code } = describeApiError(error);
  return code === 'UNAUTHORIZED' || code === 'SESSION_EXPIRED';
}
