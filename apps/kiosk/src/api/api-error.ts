import { serviceErrorData } from '@tally/client/api-error';

/**
 * The request may never have arrived, or its answer was lost: the network
 * failed, it timed out, or the server broke (5xx). Only these are retried,
 * and only with the same idempotency key. A refusal (4xx with a domain code)
 * means nothing was written and is never retried.
 */
export function isRetryable(error: unknown): boolean {
  const data = serviceErrorData(error);
  if (!data) return true;
  return (data.httpStatus ?? 0) >= 500 || data.domainCode === 'INTERNAL';
}

/** The resident's kiosk session has ended on the server (2 idle minutes, or signed out). */
export function isSessionExpired(error: unknown): boolean {
  return serviceErrorData(error)?.domainCode === 'SESSION_EXPIRED';
}

/** The device token is missing, wrong or revoked: the kiosk needs setting up again. */
export function isDeviceRefused(error: unknown): boolean {
  return serviceErrorData(error)?.domainCode === 'UNAUTHORIZED';
}
