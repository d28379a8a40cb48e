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
};

const appDist = (name: string) => fileURLToPath(new URL(`../../${name}/dist`, import.meta.url));
/** The embedded database lives at the top of the checkout, wherever the service is started from. */
const defaultDataDir = fileURLToPath(new URL('../../../.tally/data', import.meta.url));

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`PORT ${env.PORT} is not a port number`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    database: databaseOptionsFromEnv({ TALLY_DATA_DIR: defaultDataDir, ...env }),
    demo: env.TALLY_DEMO !== '0',
    staticApps: {
      admin: env.TALLY_ADMIN_DIST ?? appDist('admin'),
      kiosk: env.TALLY_KIOSK_DIST ?? appDist('kiosk'),
    },
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
