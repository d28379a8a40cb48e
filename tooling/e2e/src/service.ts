import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OFFICE_HOST } from './browser';

const ledgerDir = fileURLToPath(new URL('../../../apps/ledger', import.meta.url));
const repoDir = fileURLToPath(new URL('../../../', import.meta.url));

export type RunningService = {
  /** Where browsers open the service: its LAN name over plain HTTP, as in an office. */
  url: string;
  /** The same service for the test process itself, whose resolver does not know the LAN name. */
  directUrl: string;
  output: () => string;
  stop: () => Promise<void>;
};

/** An address of the service as the test process (not the browser) can reach it. */
export function directUrl(url: string): string {
  return url.replace(`//${OFFICE_HOST}:`, '//127.0.0.1:');
}

/** A port nothing listens on now: the system picks it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Every file under the folders the demo database depends on, and today: the template's name. */
function demoFingerprint(): string {
  const hash = createHash('sha256').update(new Date().toISOString().slice(0, 10));
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!name.endsWith('.test.ts')) hash.update(path).update(readFileSync(path));
    }
  };
  for (const dir of ['apps/ledger/src', 'packages/db/src', 'packages/domain/src']) {
    walk(join(repoDir, dir));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * A demo database seeded once and copied for each service: seeding takes half a minute or
 * more on a busy machine, and every test file wants its own fresh copy. The first caller seeds
 * (others wait on its lock); a change to the service's code or a new day makes a new template.
 */
async function demoTemplate(timeoutMs: number): Promise<string> {
  const root = join(tmpdir(), 'tally-e2e-templates');
  mkdirSync(root, { recursive: true });
  const template = join(root, demoFingerprint());
  const lock = `${template}.lock`;
  const started = Date.now();
  for (;;) {
    if (existsSync(template)) return template;
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Someone else is seeding; a lock older than the timeout was left by a killed run.
      if (Date.now() - statSync(lock).mtimeMs > timeoutMs) rmSync(lock, { recursive: true });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    if (Date.now() - started > 2 * timeoutMs) throw new Error('waited too long for the demo');
  }
  try {
    const seeding = `${template}.seeding`;
    rmSync(seeding, { recursive: true, force: true });
    mkdirSync(seeding);
    const service = await runService(seeding, {
      env: { TALLY_SIGNING_KEY_FILE: signingKeyOf(template) },
      timeoutMs,
    });
    await service.stop();
    renameSync(seeding, template);
    return template;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The ledger key the template was sealed with, kept beside it (never inside a data folder):
 * every copy of the template runs with the same key, as a restored backup would.
 */
function signingKeyOf(template: string): string {
  return `${template}-signing-key.pem`;
}

/**
 * How long a test file should give `startService` in its `beforeAll`: the first file of a run
 * seeds the demo template (minutes when every package's tests run at once on two cores).
 */
export const SERVICE_START_MS = 420_000;

/**
 * Starts the real service exactly as `pnpm start` does, on a fresh embedded
 * database with the demo community (a copy of one seeded template), serving
 * whatever admin/kiosk builds exist.
 */
export async function startService({
  env = {},
  timeoutMs = 200_000,
}: {
  env?: Record<string, string>;
  timeoutMs?: number;
} = {}): Promise<RunningService> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tally-e2e-data-'));
  const template = await demoTemplate(timeoutMs);
  cpSync(template, dataDir, { recursive: true });
  const service = await runService(dataDir, {
    env: { TALLY_SIGNING_KEY_FILE: signingKeyOf(template), ...env },
    timeoutMs,
  });
  return {
    ...service,
    stop: async () => {
      await service.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function runService(
  dataDir: string,
  { env, timeoutMs }: { env: Record<string, string>; timeoutMs: number },
): Promise<RunningService> {
  return spawnService({
    env: { TALLY_DATA_DIR: dataDir, DATABASE_URL: '', ...env },
    timeoutMs,
  });
}

export type ServiceProcess = RunningService & {
  /** Whether the process is still running (it must survive its database going away). */
  alive: () => boolean;
  /** Ends the process at once, as a power cut would: no shutdown, nothing flushed. */
  kill: () => Promise<void>;
};

/**
 * Starts `apps/ledger`'s `src/server.ts` as `pnpm start` does, with the given environment (a
 * `DATABASE_URL` or a `TALLY_DATA_DIR`), on a free port, and waits until it is ready.
 */
export async function spawnService({
  env,
  timeoutMs = 200_000,
}: {
  env: Record<string, string>;
  timeoutMs?: number;
}): Promise<ServiceProcess> {
  const port = await freePort();
  let log = '';
  const child: ChildProcess = spawn('node', ['--import', 'tsx', 'src/server.ts'], {
    cwd: ledgerDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://${OFFICE_HOST}:${port}`,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    log += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    log += chunk;
  });
  const url = `http://${OFFICE_HOST}:${port}`;
  const direct = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited early:\n${log}`);
    try {
      const response = await fetch(`${direct}/readyz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > timeoutMs)
      throw new Error(`the service did not become ready:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      await exited;
    }
  };
  return {
    url,
    directUrl: direct,
    output: () => log,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };
}
