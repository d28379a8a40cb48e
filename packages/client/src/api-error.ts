import { TRPCClientError } from '@trpc/client';

/** What the service says about a failed call, as far as an app needs to know. */
export type ApiFailure = {
  /** The domain code (INSUFFICIENT_POINTS, WRONG_PIN, …); null when the service never answered. */
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

/** What the service's error formatter puts beside a tRPC error. */
export type ServiceErrorData = {
  domainCode?: string;
  code?: string;
  httpStatus?: number;
  details?: unknown;
  issues?: { path: string; message: string }[];
};

/** The service's data about a tRPC failure; null when no answer came back (network, abort). */
export function serviceErrorData(error: unknown): ServiceErrorData | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = error.data as ServiceErrorData | null | undefined;
  return data && typeof data === 'object' ? data : null;
}

export function describeApiError(error: unknown): ApiFailure {
  if (error instanceof ServiceError) {
    return { code: error.code, message: error.message, details: {}, issues: [] };
  }
  const data = serviceErrorData(error);
  const details =
    data?.details && typeof data.details === 'object'
      ? (data.details as Record<string, unknown>)
      : {};
  return {
    code: data?.domainCode ?? data?.code ?? null,
    message: error instanceof Error ? error.message : String(error),
    details,
    issues: Array.isArray(data?.issues) ? data.issues : [],
  };
}
