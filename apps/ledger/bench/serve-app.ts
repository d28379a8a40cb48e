#!/usr/bin/env tsx
import { openDatabase } from '@tally/db/connect';
import { buildApp } from '../src/app';
import { ledgerKeyFromPem, useLedgerKey } from '../src/ledger/anchoring/ledger-key';
import { loggerOptions } from '../src/logging';
import { BENCH_LIMIT_SCALE, type ServerMessage } from './bench-server';

// The service as `pnpm start` runs it (the default pool, the info-level log), in a process of
// its own, on the benchmark's schema: started by bench-server.ts, which talks to it over IPC.

const url = process.env.DATABASE_URL;
const schema = process.env.TALLY_BENCH_SCHEMA;
const pem = process.env.TALLY_SIGNING_KEY;
if (!url || !schema || !pem || !process.send) {
  console.error('serve-app.ts is started by the benchmark, not by hand.');
  process.exit(2);
}
const send = (message: ServerMessage) => process.send?.(message);

useLedgerKey(ledgerKeyFromPem(pem));
const { db, close } = await openDatabase({ url, searchPath: schema });
const app = await buildApp({ db, logger: loggerOptions('info'), limitScale: BENCH_LIMIT_SCALE });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (typeof address !== 'object' || address === null) throw new Error('server has no address');

process.on('message', (message) => {
  if (message === 'cpu') {
    const { user, system } = process.cpuUsage();
    send({ cpuMs: (user + system) / 1000 });
  }
});
// The benchmark closing the channel (or ending) is the signal to stop.
process.once('disconnect', async () => {
  await app.close();
  await close();
  process.exit(0);
});
send({ url: `http://127.0.0.1:${address.port}` });
