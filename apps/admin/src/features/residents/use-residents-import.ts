import { newIdempotencyKey } from '@tally/client/idempotency-key';
import {
  type ImportResidentsResult,
  type ImportValues,
  MAX_IMPORT_ROWS_PER_CALL,
} from '@tally/domain/imports';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/api-context';
import { isRefusal, isSessionEnded } from '../../api/api-error';
import { useSessionStore } from '../../session/session-context';

export type RowToImport = { line: number; values: ImportValues };

export type ImportRun = {
  status: 'running' | 'stopped' | 'failed' | 'finished';
  /** Rows to send, and how many of them are in chunks the service has answered. */
  total: number;
  sent: number;
  chunks: number;
  /** The first chunk not yet answered (where "go on" starts). */
  nextChunk: number;
  created: ImportResidentsResult['created'];
  failed: ImportResidentsResult['failed'];
  stopping: boolean;
  retrying: boolean;
  error: unknown;
};

/** How often a chunk whose answer was lost is sent again (same key) before giving up for now. */
const RETRIES = 3;

/**
 * Sends the valid rows of a residents file in chunks of 500, one after another, and says after
 * each how far it has got. Each chunk carries its own idempotency key, kept until the service
 * has answered it: a chunk whose answer was lost is sent again with the same key (the service
 * then answers it without creating anyone twice), also when the office goes on after an
 * interruption. A refused chunk wrote nothing and gets a new key. Stopping (or leaving the
 * page) takes effect between chunks.
 */
export function useResidentsImport(chunkSize = MAX_IMPORT_ROWS_PER_CALL) {
  const api = useApi();
  const session = useSessionStore();
  const queryClient = useQueryClient();
  const [run, setRun] = useState<ImportRun | null>(null);
  const rows = useRef<RowToImport[]>([]);
  const keys = useRef<string[]>([]);
  const stopRequested = useRef(false);
  const running = run?.status === 'running';

  useEffect(
    () => () => {
      stopRequested.current = true;
    },
    [],
  );
  useEffect(() => {
    if (!running) return;
    // Closing the tab mid-import would leave the rest unsent: the browser asks first.
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [running]);

  async function send(from: ImportRun) {
    const state: ImportRun = { ...from, status: 'running', error: null };
    // "Stopping" is whatever was asked meanwhile (the Stop button writes it between updates).
    const show = (next: ImportRun) => {
      setRun({ ...next, stopping: next.status === 'running' && stopRequested.current });
    };
    show(state);
    try {
      await sendFrom(from.nextChunk, state, show);
    } finally {
      // Whatever was created shows in the lists, also after a stop or an interruption.
      await queryClient.invalidateQueries({
        predicate: (query) => ['residents.list', 'audit.list'].includes(String(query.queryKey[0])),
      });
    }
  }

  async function sendFrom(first: number, initial: ImportRun, show: (next: ImportRun) => void) {
    let state = initial;
    const update = (next: ImportRun) => {
      state = next;
      show(next);
    };
    for (let index = first; index < state.chunks; index++) {
      if (stopRequested.current) return update({ ...state, status: 'stopped' });
      const chunk = rows.current.slice(index * chunkSize, (index + 1) * chunkSize);
      keys.current[index] ??= newIdempotencyKey();
      try {
        const result = await sendChunk(index, chunk, () => update({ ...state, retrying: true }));
        update({
          ...state,
          sent: state.sent + chunk.length,
          nextChunk: index + 1,
          created: [...state.created, ...result.created],
          failed: [...state.failed, ...result.failed],
          retrying: false,
        });
      } catch (error) {
        if (isSessionEnded(error)) session.expire();
        return update({ ...state, status: 'failed', error, retrying: false });
      }
    }
    update({ ...state, status: 'finished' });
  }

  async function sendChunk(
    index: number,
    chunk: RowToImport[],
    onRetry: () => void,
  ): Promise<ImportResidentsResult> {
    for (let attempt = 0; ; attempt++) {
      const idempotencyKey = keys.current[index] ?? newIdempotencyKey();
      try {
        return await api.residents.import.mutate({ idempotencyKey, rows: chunk });
      } catch (error) {
        // The service answered "no": nothing was written, so the next try is a new intent.
        if (isRefusal(error)) {
          keys.current[index] = newIdempotencyKey();
          throw error;
        }
        if (attempt >= RETRIES) throw error;
        onRetry();
        await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
      }
    }
  }

  return {
    run,
    start(toImport: RowToImport[]) {
      rows.current = toImport;
      keys.current = [];
      stopRequested.current = false;
      void send({
        status: 'running',
        total: toImport.length,
        sent: 0,
        chunks: Math.ceil(toImport.length / chunkSize),
        nextChunk: 0,
        created: [],
        failed: [],
        stopping: false,
        retrying: false,
        error: null,
      });
    },
    /** Goes on from the first chunk not answered, with the keys already given. */
    resume() {
      if (!run || run.status === 'running') return;
      stopRequested.current = false;
      void send(run);
    },
    stop() {
      stopRequested.current = true;
      setRun((current) => (current ? { ...current, stopping: true } : current));
    },
    reset() {
      stopRequested.current = false;
      setRun(null);
    },
  };
}
