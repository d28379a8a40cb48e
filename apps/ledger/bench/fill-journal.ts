import { sql } from 'kysely';
import { communityAccounts, createCommunity } from '../src/communities/create-community';
import { storeCheckpoint } from '../src/ledger/anchoring/checkpoints';
import { ledgerKey } from '../src/ledger/anchoring/ledger-key';
import type { Executor } from '../src/ledger/executor';
import { createResidents } from './residents';

export type FilledCommunity = { communityId: string; residentIds: string[] };

/**
 * One community with `residents` residents and `transactions` credits, posted inside the
 * database, 1,000 per statement (one statement updating a row many times would walk ever
 * longer version chains), by the same function the service calls.
 */
export async function fillJournal(
  db: Executor,
  {
    transactions,
    residents,
    onProgress,
  }: { transactions: number; residents: number; onProgress?: (posted: number) => void },
): Promise<FilledCommunity> {
  const community = await createCommunity(db, { name: { zh: '', en: 'Journal bench' } });
  const accounts = await communityAccounts(db, community.id);
  const made = await createResidents(db, { communityId: community.id, count: residents });
  const pointsAccounts = made.map((r) => r.pointsAccountId);
  for (let done = 0; done < transactions; done += 1_000) {
    const batch = Math.min(1_000, transactions - done);
    await sql`
      select count(*) from generate_series(1, ${batch}::int) as g,
      lateral tally_post_transaction(
        ${community.id}::uuid, gen_random_uuid(), 'bench-' || (${done}::int + g), 'bench',
        'service_credit', 'system', 'bench', null, 'bench credit', 'service_record',
        gen_random_uuid()::text, null,
        array[${accounts.pointsSource}::uuid, (${pointsAccounts}::uuid[])[1 + (g % ${pointsAccounts.length})]],
        array[-10, 10]::bigint[], sha256(('bench-' || (${done}::int + g))::bytea))`.execute(db);
    // This server may run without autovacuum; plans made on empty tables would
    // scan a whole community per posting, so statistics are refreshed as it grows.
    if ((done + batch) % 100_000 === 0 || done + batch === 5_000) await sql`analyze`.execute(db);
    onProgress?.(done + batch);
  }
  await sql`analyze`.execute(db);
  return { communityId: community.id, residentIds: made.map((r) => r.id) };
}

/**
 * The in-database loop cannot seal (the key never leaves Node), so the bench signs the
 * head itself, as the hourly checkpoint would have; verify then checks every hash, link
 * and balance, as it does for every entry a checkpoint vouches for.
 */
export async function signHead(db: Executor, communityId: string): Promise<void> {
  const head = await db
    .selectFrom('ledger_chains')
    .select(['head_sequence', 'head_hash'])
    .where('community_id', '=', communityId)
    .executeTakeFirstOrThrow();
  await storeCheckpoint(db, ledgerKey(), {
    communityId,
    sequence: head.head_sequence,
    headHash: head.head_hash,
  });
}
