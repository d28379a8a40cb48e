import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/app';
import { ledgerKey, ledgerKeyToPem } from '../src/ledger/anchoring/ledger-key';
import type { BenchTarget } from './target';

/**
 * Every kiosk of the benchmark calls from one loopback address, where each real kiosk has its
 * own; the limits on guessing (sign-in, PIN entry) are raised as the tests raise them. They
 * count only the setup's sign-ins: no measured request is limited.
 */
export const BENCH_LIMIT_SCALE = 1000;

export type ServerMessage = { url: string } | { cpuMs: number };

/** The real service listening on loopback, for the HTTP scenarios. */
export type BenchServer = {
  url: string;
  description: string;
  /** CPU the service has used so far, in ms; null when it shares this process. */
  cpuMs: () => Promise<number | null>;
  close: () => Promise<void>;
};

/**
 * On PostgreSQL the service runs in a process of its own, as in production, so the load this
 * process generates does not share its event loop. PGlite lives in this process's memory, so
 * there the service runs here too.
 */
export async function startBenchServer(
  target: Pick<BenchTarget, 'db' | 'url' | 'schema'>,
): Promise<BenchServer> {
  if (target.url === null || target.schema === null) return startInProcess(target);
  const child = fork(fileURLToPath(new URL('./serve-app.ts', import.meta.url)), {
    env: {
      ...process.env,
      DATABASE_URL: target.url,
      TALLY_BENCH_SCHEMA: target.schema,
      // The same key as this process, so what the service posts verifies here.
      TALLY_SIGNING_KEY: ledgerKeyToPem(ledgerKey()),
    },
    // Its request log (the production logger) is written and thrown away.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const { url } = await nextMessage<{ url: string }>(child, 'url');
  return {
    url,
    description: `its own process (pid ${child.pid}) with its default pool and info-level log`,
    cpuMs: async () => {
      child.send('cpu');
      return (await nextMessage<{ cpuMs: number }>(child, 'cpuMs')).cpuMs;
    },
    close: async () => {
      const exited = once(child, 'exit');
      child.disconnect();
      await exited;
    },
  };
}

async function startInProcess(target: Pick<BenchTarget, 'db'>): Promise<BenchServer> {
  const app = await buildApp({ db: target.db, limitScale: BENCH_LIMIT_SCALE });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('server has no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    description: 'this process (PGlite lives in its memory)',
    cpuMs: async () => null,
    close: () => app.close(),
  };
}

function nextMessage<T extends ServerMessage>(child: ChildProcess, key: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ServerMessage) => {
      if (!(key in message)) return;
      cleanup();
      resolve(message as T);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`the service process exited (${code}) before it answered`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}
