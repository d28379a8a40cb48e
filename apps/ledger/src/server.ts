import { openDatabase } from '@tally/db/connect';
import { isDatabaseUnavailable } from '@tally/db/errors';
import { migrateToLatest } from '@tally/db/migrate';
import { sql } from 'kysely';
import { buildApp } from './app';
import { configFromEnv } from './config';
import { DEMO_LOGINS, seedDemoCommunity } from './demo/seed-demo';
import { startCheckpointSchedule } from './ledger/anchoring/checkpoint-schedule';
import { assertLedgerKeyMatches } from './ledger/anchoring/key-check';
import { loadLedgerKey } from './ledger/anchoring/key-file';
import { useLedgerKey } from './ledger/anchoring/ledger-key';
import { loggerOptions } from './logging';
import { resumeMoves } from './moves/accept-move';

// `pnpm start`: migrate, seed the demo community into an empty database, serve.
// All state lives in the database, so several instances can run side by side.

const config = configFromEnv();
const ledgerKey = loadLedgerKey(config.signingKey, {
  create: true,
  log: (line) => console.log(line),
});
useLedgerKey(ledgerKey);
// Until the app's logger exists, a lost connection is reported on the console.
let connectionLost = (error: Error) =>
  console.warn(`Lost a connection to the database (${error.message}); it reconnects by itself.`);
const { db, engine, close } = await openDatabase(config.database, {
  onConnectionLost: (error) => connectionLost(error),
});
const replica = config.readDatabase
  ? await openDatabase(config.readDatabase, { onConnectionLost: (error) => connectionLost(error) })
  : null;
await waitForDatabase(db);
await migrateToLatest(db);
await assertLedgerKeyMatches(db, ledgerKey);

const empty = (await db.selectFrom('communities').select('id').limit(1).execute()).length === 0;
if (empty && config.demo) {
  console.log('Seeding the demo community "Q Community" (first start only)…');
  await seedDemoCommunity(db);
}

// A resident's move between two communities that the service died in the middle of is
// finished now (each half is posted exactly once; see moves/accept-move.ts).
const resumed = await resumeMoves(db);
if (resumed > 0) console.log(`Finished ${resumed} move(s) between communities left half-done.`);

const app = await buildApp({
  db,
  readDb: replica?.db ?? db,
  logger: loggerOptions(config.logLevel),
  staticApps: config.staticApps,
  publicUrl: config.publicUrl,
  trustProxy: config.trustProxy,
});
connectionLost = (error) =>
  app.log.warn({ err: error.message }, 'lost a connection to the database; reconnecting');
await app.listen({ port: config.port, host: config.host });
const checkpoints = startCheckpointSchedule({
  db,
  everyMinutes: config.checkpointMinutes,
  log: app.log,
});
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
// Other PCs and the kiosks use PUBLIC_URL; on this computer localhost works too.
const base = config.publicUrlGuessed
  ? `http://${config.publicUrl.hostname}:${port}`
  : config.publicUrl.origin;

const where =
  engine === 'pglite'
    ? `embedded PGlite in ${'dataDir' in config.database ? config.database.dataDir : ''}`
    : `PostgreSQL (DATABASE_URL${replica ? '; reports, exports and journal from DATABASE_READ_URL' : ''})`;
console.log(`
Tally is running (${where}).
  Admin app:  ${base}/admin/
  Kiosk app:  ${base}/kiosk/?token=${config.demo ? DEMO_LOGINS.kioskToken : '<device token>'}${
    config.demo
      ? `\n  At the door of today's activity (a kiosk in activity mode): ${base}/kiosk/?token=${DEMO_LOGINS.doorKioskToken}`
      : ''
  }
  Phone app:  ${base}/me/   (residents on their phones)
  API:        ${base}/trpc   health: ${base}/healthz   ready: ${base}/readyz
  On this computer also: http://localhost:${port}/admin/`);
if (config.publicUrlGuessed) {
  console.log(`
PUBLIC_URL is not set, so printed certificates point at ${base}. Set PUBLIC_URL to the address
the office PCs and kiosks use (e.g. PUBLIC_URL=http://tally-office.lan:${port}).`);
}
if (config.demo) {
  console.log(`
Demo logins (password "${DEMO_LOGINS.password}"): ${DEMO_LOGINS.staff.join(', ')}; the street office: ${DEMO_LOGINS.street.street}; its other communities' offices: ${DEMO_LOGINS.street.offices.join(', ')}
Demo kiosk tokens: ${DEMO_LOGINS.kioskToken}, ${DEMO_LOGINS.doorKioskToken} (at a door)   Resident cards: Q0001…Q0060, PIN ${DEMO_LOGINS.pin}
Phone app family member: phone ${DEMO_LOGINS.family.phone}, PIN ${DEMO_LOGINS.family.pin} (acts for the eldest resident)`);
} else if (empty) {
  console.log(`
The database is empty. Create the first community office account with:
  pnpm --filter @tally/ledger create-office -- --community "Q Community" --username office --name "Community office"`);
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down: finishing requests in flight');
  await checkpoints.stop();
  await app.close();
  await replica?.close();
  await close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

/**
 * A service started with its database (a compose file, a reboot) may come up first: wait for the
 * database rather than fail, saying what it waits for.
 */
async function waitForDatabase(database: typeof db, timeoutMs = 120_000): Promise<void> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      await sql`select 1`.execute(database);
      return;
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() - started > timeoutMs) throw error;
      if (attempt === 0) console.log('Waiting for the database to accept connections…');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}
