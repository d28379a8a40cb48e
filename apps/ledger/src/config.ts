import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DatabaseOptions, databaseOptionsFromEnv } from '@tally/db/connect';

export type ServiceConfig = {
  port: number;
  host: string;
  database: DatabaseOptions;
  /** Seed the demo community into an empty database (TALLY_DEMO=0 turns it off). */
  demo: boolean;
  staticApps: { admin: string; kiosk: string };
  logLevel: string;
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
    signingKey: signingKeyFromEnv(env, database),
    checkpointMinutes,
    demo: env.TALLY_DEMO !== '0',
    staticApps: {
      admin: env.TALLY_ADMIN_DIST ?? appDist('admin'),
      kiosk: env.TALLY_KIOSK_DIST ?? appDist('kiosk'),
    },
    logLevel: env.LOG_LEVEL ?? 'info',
  };
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
