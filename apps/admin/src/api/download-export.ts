import { ServiceError } from '@tally/client/api-error';

export const exportFiles = ['journal', 'balances', 'service-records'] as const;
export type ExportFile = (typeof exportFiles)[number];

/**
 * Fetches one of the service's streamed CSV exports with this tab's bearer token.
 *
 * Why not a plain link: the export routes also accept the session cookie, but that cookie
 * belongs to whoever signed in last in this browser (any tab), while the token belongs to
 * this tab; and a refused link would fail silently in the downloads bar. The body is read
 * as it arrives (so the page can show how much has come) into a Blob, which Chromium keeps
 * out of the page's memory and spills to disk when large.
 */
export async function fetchExport({
  file,
  language,
  ...options
}: {
  file: ExportFile;
  language: 'en' | 'zh';
} & DownloadOptions): Promise<{ blob: Blob; fileName: string }> {
  return fetchCsv({
    url: `/exports/${file}.csv${language === 'zh' ? '?lang=zh' : ''}`,
    fallbackName: `tally-${file}.csv`,
    ...options,
  });
}

type DownloadOptions = {
  token: string | null;
  onProgress?: (bytes: number) => void;
  signal?: AbortSignal;
};

/** Any of the service's CSV files (exports, reports), fetched and counted as `fetchExport` says. */
export async function fetchCsv({
  url,
  fallbackName,
  token,
  onProgress,
  signal,
}: { url: string; fallbackName: string } & DownloadOptions): Promise<{
  blob: Blob;
  fileName: string;
}> {
  const response = await fetch(url, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    ...(signal ? { signal } : {}),
  });
  if (!response.ok) throw await refusal(response);
  const fileName =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
    fallbackName;
  let received = 0;
  const counted = response.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        onProgress?.(received);
        controller.enqueue(chunk);
      },
    }),
  );
  const type = response.headers.get('content-type') ?? 'text/csv; charset=utf-8';
  // A stream cut short (the server failed half-way) rejects here: no partial file is saved.
  const blob = counted
    ? await new Response(counted, { headers: { 'content-type': type } }).blob()
    : await response.blob();
  return { blob, fileName };
}

/** The service's JSON refusal ({ domainCode, message }) as an error the app can read. */
export async function refusal(response: Response): Promise<ServiceError> {
  const body = (await response.json().catch(() => ({}))) as {
    domainCode?: string;
    message?: string;
  };
  return new ServiceError(
    body.domainCode ?? 'INTERNAL',
    body.message ?? `${response.status} ${response.statusText}`,
  );
}
