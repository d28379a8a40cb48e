import { TRPCClientError } from '@trpc/client';

/** What the service said about a failed call, as far as the kiosk needs to know. */
export type ApiFailure = {
  /** The domain code (WRONG_PIN, OUT_OF_STOCK, …); null when no answer came back. */
  code: string | null;
  /** The service's own words, for codes the kiosk has no translation of. */
  message: string;
  details: Record<string, unknown>;
};

type ErrorData = { domainCode?: string; code?: string; httpStatus?: number; details?: unknown };

function errorData(error: unknown): ErrorData | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = error.data as ErrorData | null | undefined;
  return data && typeof data === 'object' ? data : null;
}

export function describeApiError(error: unknown): ApiFailure {
  const data = errorData(error);
  const details =
    data?.details && typeof data.details === 'object'
      ? (data.details as Record<string, unknown>)
      : {};
  return {
    code: data?.domainCode ?? data?.code ?? null,
    message: error instanceof Error ? error.message : String(error),
    details,
  };
}

/**
 * The request may never have arrived, or its answer was lost: the network
 * failed, it timed out, or the server broke (5xx). Only these are retried,
 * and only with the same idempotency key. A refusal (4xx with a domain code)
 * means nothing was written and is never retried.
 */
export function isRetryable(error: unknown): boolean {
  const data = errorData(error);
  if (!data) return true;
  return (data.httpStatus ?? 0) >= 500 || data.domainCode === 'INTERNAL';
}

/** The resident's kiosk session has ended on the server (2 idle minutes, or signed out). */
export function isSessionExpired(error: unknown): boolean {
  return errorData(error)?.domainCode === 'SESSION_EXPIRED';
}

/** The device token is missing, wrong or revoked: the kiosk needs setting up again. */
export function isDeviceRefused(error: unknown): boolean {
  return errorData(error)?.domainCode === 'UNAUTHORIZED';
}
