import { networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DatabaseOptions, databaseOptionsFromEnv } from '@tally/db/connect';

export type ServiceConfig = {
  port: number;
  host: string;
  database: DatabaseOptions;
  /**
   * A streaming replica of the PostgreSQL in DATABASE_URL (DATABASE_READ_URL) that reports,
   * exports and journal pages read from; null reads everything from the primary.
   */
  readDatabase: { url: string } | null;
  /** Seed the demo community into an empty database (TALLY_DEMO=0 turns it off). */
  demo: boolean;
  staticApps: { admin: string; kiosk: string; resident: string };
  logLevel: string;
  /**
   * The address kiosks and office PCs open Tally at: the only source of absolute addresses
   * (certificate verify links and their QR codes), and whether Tally is served over HTTPS.
   */
  publicUrl: URL;
  /** Whether PUBLIC_URL was given, or guessed from this machine's network address. */
  publicUrlGuessed: boolean;
  /** Proxies whose X-Forwarded-For is believed (TRUST_PROXY); none by default. */
  trustProxy: string[];
  /** The ledger's ed25519 key, which the database never holds (see signingKeyFromEnv). */
  signingKey: { pem: string | null; file: string };
  /** Minutes between the ledger checkpoints the service signs (TALLY_CHECKPOINT_MINUTES). */
  checkpointMinutes: number;
};

const appDist = (name: string) => fileURLToPath(new URL(`../../${name}/dist`, import.meta.url));
/** The embedded database lives at the top of the checkout, wherever the service is started from. */
const defaultDataDir = fileURLToPath(new URL('../../../.tally/data', import.meta.url));

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`PORT ${env.PORT} is not a port number`);
  const { publicUrl, guessed } = publicUrlFromEnv(env.PUBLIC_URL, port);
  const checkpointMinutes = Number(env.TALLY_CHECKPOINT_MINUTES ?? 60);
  if (!Number.isFinite(checkpointMinutes) || checkpointMinutes < 1)
    throw new Error(
      `TALLY_CHECKPOINT_MINUTES ${env.TALLY_CHECKPOINT_MINUTES} is not a number of minutes`,
    );
  const database = databaseOptionsFromEnv({ TALLY_DATA_DIR: defaultDataDir, ...env });
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    database,
    readDatabase: readDatabaseFromEnv(env),
    signingKey: signingKeyFromEnv(env, database),
    checkpointMinutes,
    demo: env.TALLY_DEMO !== '0',
    staticApps: {
      admin: env.TALLY_ADMIN_DIST ?? appDist('admin'),
      kiosk: env.TALLY_KIOSK_DIST ?? appDist('kiosk'),
      resident: env.TALLY_RESIDENT_DIST ?? appDist('resident'),
    },
    logLevel: env.LOG_LEVEL ?? 'info',
    publicUrl,
    publicUrlGuessed: guessed,
    trustProxy: trustProxyFromEnv(env.TRUST_PROXY),
  };
}

/**
 * PUBLIC_URL as given (http or https, no path), or, when unset, this machine's first network
 * address: an office opens Tally from other PCs by the server's LAN address, so a certificate
 * printed with `localhost` on it would be useless.
 */
export function publicUrlFromEnv(
  value: string | undefined,
  port: number,
): { publicUrl: URL; guessed: boolean } {
  if (!value) return { publicUrl: new URL(`http://${lanAddress()}:${port}`), guessed: true };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PUBLIC_URL ${value} is not an address such as http://tally-office.lan:3000`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`PUBLIC_URL ${value} must start with http:// or https://`);
  if (url.pathname !== '/' || url.search || url.hash)
    throw new Error(`PUBLIC_URL ${value} must be an origin only, with no path`);
  return { publicUrl: url, guessed: false };
}

function lanAddress(): string {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family === 'IPv4' && !address.internal) return address.address;
    }
  }
  return 'localhost';
}

/** DATABASE_READ_URL: only beside DATABASE_URL (the embedded database has no replicas). */
export function readDatabaseFromEnv(env: NodeJS.ProcessEnv): { url: string } | null {
  if (!env.DATABASE_READ_URL) return null;
  if (!env.DATABASE_URL)
    throw new Error('DATABASE_READ_URL names a replica of DATABASE_URL: set DATABASE_URL too.');
  return { url: env.DATABASE_READ_URL };
}

/** TRUST_PROXY: comma-separated addresses or CIDR ranges of the reverse proxies in front of Tally. */
export function trustProxyFromEnv(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/**
 * TALLY_SIGNING_KEY (the PEM itself), else the file TALLY_SIGNING_KEY_FILE, else a file
 * beside the embedded database's folder (`.tally/signing-key.pem` for `.tally/data`):
 * never inside it, since whoever copies the database must not get the key with it.
 */
function signingKeyFromEnv(env: NodeJS.ProcessEnv, database: DatabaseOptions) {
  const dataDir =
    'dataDir' in database && database.dataDir !== 'memory' ? database.dataDir : defaultDataDir;
  return {
    pem: env.TALLY_SIGNING_KEY || null,
    file: env.TALLY_SIGNING_KEY_FILE || join(dirname(dataDir), 'signing-key.pem'),
  };
}
