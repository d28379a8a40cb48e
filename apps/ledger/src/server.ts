import { openDatabase } from '@tally/db/connect';
import { migrateToLatest } from '@tally/db/migrate';
import { buildApp } from './app';
import { configFromEnv } from './config';
import { DEMO_LOGINS, seedDemoCommunity } from './demo/seed-demo';
import { startCheckpointSchedule } from './ledger/anchoring/checkpoint-schedule';
import { assertLedgerKeyMatches } from './ledger/anchoring/key-check';
import { loadLedgerKey } from './ledger/anchoring/key-file';
import { useLedgerKey } from './ledger/anchoring/ledger-key';

// `pnpm start`: migrate, seed the demo community into an empty database, serve.
// All state lives in the database, so several instances can run side by side.

const config = configFromEnv();
const ledgerKey = loadLedgerKey(config.signingKey, {
  create: true,
  log: (line) => console.log(line),
});
useLedgerKey(ledgerKey);
const { db, engine, close } = await openDatabase(config.database);
await migrateToLatest(db);
await assertLedgerKeyMatches(db, ledgerKey);

const empty = (await db.selectFrom('communities').select('id').limit(1).execute()).length === 0;
if (empty && config.demo) {
  console.log('Seeding the demo community "Q Community" (first start only)…');
  await seedDemoCommunity(db);
}

const app = await buildApp({
  db,
  logger: {
    level: config.logLevel,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-resident-token"]'],
  },
  staticApps: config.staticApps,
});
await app.listen({ port: config.port, host: config.host });
const checkpoints = startCheckpointSchedule({
  db,
  everyMinutes: config.checkpointMinutes,
  log: app.log,
});
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
const base = `http://localhost:${port}`;

const where =
  engine === 'pglite'
    ? `embedded PGlite in ${'dataDir' in config.database ? config.database.dataDir : ''}`
    : 'PostgreSQL (DATABASE_URL)';
console.log(`
Tally is running (${where}).
  Admin app:  ${base}/admin/
  Kiosk app:  ${base}/kiosk/?token=${config.demo ? DEMO_LOGINS.kioskToken : '<device token>'}
  API:        ${base}/trpc   health: ${base}/healthz   ready: ${base}/readyz`);
if (config.demo) {
  console.log(`
Demo logins (password "${DEMO_LOGINS.password}"): ${DEMO_LOGINS.staff.join(', ')}
Demo kiosk token: ${DEMO_LOGINS.kioskToken}   Resident cards: Q0001…Q0060, PIN ${DEMO_LOGINS.pin}`);
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
  await close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
