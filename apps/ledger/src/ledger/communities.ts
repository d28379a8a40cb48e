import { randomUUID } from 'node:crypto';
import type { LocalizedText } from '@tally/domain/localized-text';
import { sql } from 'kysely';
import { storeCheckpoint } from './anchoring/checkpoints';
import { ledgerKey } from './anchoring/ledger-key';
import { type Executor, inTransaction } from './executor';

/**
 * Creates a community (the tenant), the genesis link of its hash chain, and a signed
 * checkpoint of that empty chain: from the first entry on, every entry must carry the
 * service's seal, and a forger cannot claim the community's ledger predates sealing.
 */
export async function createCommunity(
  db: Executor,
  { id = randomUUID(), name }: { id?: string; name: LocalizedText },
): Promise<{ id: string; name: LocalizedText }> {
  return inTransaction(db, async (trx) => {
    await trx
      .insertInto('communities')
      .values({ id, name_zh: name.zh, name_en: name.en })
      .execute();
    const chain = await trx
      .insertInto('ledger_chains')
      .values({ community_id: id, head_hash: sql<Uint8Array>`tally_genesis_hash(${id}::uuid)` })
      .returning('head_hash')
      .executeTakeFirstOrThrow();
    await storeCheckpoint(trx, ledgerKey(), {
      communityId: id,
      sequence: 0,
      headHash: chain.head_hash,
    });
    return { id, name };
  });
}
