import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { openDatabase } from '@tally/db/connect';
import { sql } from 'kysely';

/** Its own database, so pgbench's tables never meet the ledger's. */
const PGBENCH_DATABASE = 'tally_pgbench';

export type PgbenchRun = { tps: number; scale: number; clients: number; threads: number };

export function pgbenchOnPath(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.PATH ?? '').split(delimiter).some((dir) => isExecutable(join(dir, 'pgbench')));
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The stock TPC-B-like pgbench run on the same server, as the yardstick the
 * ledger's figures are held against: scale = clients, so each client has a branch
 * of its own, as each spread client has a community of its own.
 */
export async function runPgbench({
  url,
  clients,
  seconds,
}: {
  url: string;
  clients: number;
  seconds: number;
}): Promise<PgbenchRun> {
  const threads = Math.min(2, clients);
  const admin = await openDatabase({ url, poolSize: 1 });
  const connection = connectionArgs(url);
  try {
    await sql.raw(`drop database if exists ${PGBENCH_DATABASE}`).execute(admin.db);
    await sql.raw(`create database ${PGBENCH_DATABASE}`).execute(admin.db);
    await pgbench([...connection.args, '-i', '-s', String(clients), '-q'], connection.env);
    const run = ['-c', clients, '-j', threads, '-T', seconds, '-n'].map(String);
    const output = await pgbench([...connection.args, ...run], connection.env);
    return { tps: parseTps(output), scale: clients, clients, threads };
  } finally {
    await sql.raw(`drop database if exists ${PGBENCH_DATABASE} with (force)`).execute(admin.db);
    await admin.close();
  }
}

/** The same server and user as DATABASE_URL; the password travels in the environment, not argv. */
function connectionArgs(url: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const host = parsed.hostname || parsed.searchParams.get('host') || 'localhost';
  const args = ['-h', host, '-p', parsed.port || '5432'];
  if (parsed.username) args.push('-U', decodeURIComponent(parsed.username));
  args.push(PGBENCH_DATABASE);
  const env = { ...process.env };
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  return { args, env };
}

export function parseTps(output: string): number {
  const match = /tps = ([\d.]+) \(without initial connection time\)/.exec(output);
  if (!match?.[1]) throw new Error(`pgbench printed no tps line:\n${output}`);
  return Number(match[1]);
}

/** Runs pgbench and returns what it printed (it reports on both streams). */
function pgbench(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('pgbench', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`pgbench ${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}
