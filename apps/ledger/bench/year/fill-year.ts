import { performance } from 'node:perf_hooks';
import type { Database } from '@tally/db/schema';
import { type Kysely, sql } from 'kysely';
import { BulkWriter } from './bulk-rows';
import { setUpCommunity } from './community';
import { LedgerWriter } from './ledger-entries';
import { simulateYear } from './simulate-year';
import { DAY, localMidnight } from './year-state';
import { ledgerStart, settleLedger, yearTables } from './year-tables';

export type FilledYear = {
  communityId: string;
  transactions: number;
  pendingRecords: number;
  issuedRedemptions: number;
};

/**
 * One community's first year, ending now: set up through the service's own functions, then
 * played day by day in time order (every row as its use case writes it, every transaction
 * sealed and chained) and written in bulk as it is played.
 */
export async function fillYear(
  db: Kysely<Database>,
  {
    residents,
    transactions,
    log,
  }: { residents: number; transactions: number; log: (line: string) => void },
): Promise<FilledYear> {
  let started = performance.now();
  const step = (name: string) => {
    const seconds = (performance.now() - started) / 1000;
    log(`  ${name.padEnd(44)} ${seconds.toFixed(1).padStart(6)} s`);
    started = performance.now();
  };
  const now = Date.now();
  const yearStart = localMidnight(now) - 365 * DAY;

  const community = await setUpCommunity(db, { residents, yearStart });
  const { communityId } = community;
  step(`community, staff, ${residents} residents, shop`);

  const writer = new BulkWriter(db, yearTables(communityId), { batchSize: 5_000, inFlight: 4 });
  const { accounts, genesis } = await ledgerStart(db, communityId);
  const ledger = new LedgerWriter(writer, communityId, accounts, genesis);
  const year = await simulateYear({
    community,
    writer,
    ledger,
    limit: transactions,
    yearStart,
    now,
    onDay: (day, days, posted) => {
      if (day % 30 === 0 || day === days) {
        process.stderr.write(`\r  day ${day}/${days}: ${posted} transactions`);
      }
    },
  });
  process.stderr.write('\n');
  step('the year played and written');
  for (const [table, ms] of writer.spent) {
    const rows = String(writer.written.get(table) ?? 0).padStart(9);
    log(`    ${table.padEnd(22)} ${rows} rows, ${(ms / 1000).toFixed(1)} s in statements`);
  }

  await settleLedger(db, { communityId, sequence: ledger.sequence, headHash: ledger.headHash });
  await sql`
    update rewards set stock = 20 + (abs(hashtext(id::text)) % 180)
     where community_id = ${communityId}`.execute(db);
  step('chain head, balances, stock');
  // This server may run without autovacuum: the service's plans need statistics.
  await sql`analyze`.execute(db);
  step('analyze');
  return { communityId, ...year };
}
