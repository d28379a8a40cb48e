import { serviceErrorData } from '@tally/client/api-error';

/** Why the phone must sign in again: the session ended (expired, revoked) or was never valid. */
export type SignedOutReason = 'expired' | 'unauthorized';

/** The session behind this phone's token is over: back to signing in, saying why. */
export function sessionEndedBy(error: unknown): SignedOutReason | null {
  const code = serviceErrorData(error)?.domainCode;
  if (code === 'SESSION_EXPIRED') return 'expired';
  if (code === 'UNAUTHORIZED') return 'unauthorized';
  return null;
}

/**
 * No answer came back at all: the phone is offline or the service unreachable. An aborted
 * request (the screen went away) is not a network failure.
 */
export function isNetworkFailure(error: unknown): boolean {
  if (serviceErrorData(error)) return false;
  const cause = error instanceof Error ? (error.cause ?? error) : error;
  if (cause instanceof DOMException && cause.name === 'AbortError') return false;
  return error instanceof Error;
}
