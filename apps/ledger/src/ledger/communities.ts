import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { type Executor, inTransaction } from './executor';

/** Creates a community (the tenant) and the genesis link of its hash chain. */
export async function createCommunity(
  db: Executor,
  { id = randomUUID(), name }: { id?: string; name: string },
): Promise<{ id: string; name: string }> {
  return inTransaction(db, async (trx) => {
    await trx.insertInto('communities').values({ id, name }).execute();
    await trx
      .insertInto('ledger_chains')
      .values({ community_id: id, head_hash: sql<Uint8Array>`tally_genesis_hash(${id}::uuid)` })
      .execute();
    return { id, name };
  });
}
