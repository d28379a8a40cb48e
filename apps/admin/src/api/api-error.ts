import { TRPCClientError } from '@trpc/client';

/** What the service says about a failed call, as far as the app needs to know. */
export type ApiFailure = {
  /** The domain code (INSUFFICIENT_POINTS, FORBIDDEN, …); null when the service never answered. */
  code: string | null;
  /** The service's own message, for codes the app has no translation for. */
  message: string;
  details: Record<string, unknown>;
  issues: { path: string; message: string }[];
};

/** A refusal from one of the service's plain HTTP routes (the CSV exports), not tRPC. */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

type ErrorData = {
  domainCode?: string;
  code?: string;
  details?: Record<string, unknown>;
  issues?: { path: string; message: string }[];
};

export function describeApiError(error: unknown): ApiFailure {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as ErrorData;
    return {
      code: data.domainCode ?? data.code ?? null,
      message: error.message,
      details: data.details ?? {},
      issues: data.issues ?? [],
    };
  }
  if (error instanceof ServiceError) {
    return { code: error.code, message: error.message, details: {}, issues: [] };
  }
  return {
    code: null,
    message: error instanceof Error ? error.message : String(error),
    details: {},
    issues: [],
  };
}

/** The service answered and refused: nothing was written, so a new request key is safe. */
export function isRefusal(error: unknown): boolean {
  return (error instanceof TRPCClientError && error.data != null) || error instanceof ServiceError;
}

/** The session is gone (expired, signed out elsewhere, or the token was revoked). */
export function isSessionEnded(error: unknown): boolean {
  const { code } = describeApiError(error);
  return code === 'UNAUTHORIZED' || code === 'SESSION_EXPIRED';
}
