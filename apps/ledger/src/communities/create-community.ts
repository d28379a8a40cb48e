import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import type { LocalizedText } from '@tally/domain/localized-text';
import type { Kysely } from 'kysely';
import { openAccount } from '../ledger/accounts';
import { createCommunity as createLedgerCommunity } from '../ledger/communities';
import { inTransaction } from '../ledger/executor';

/**
 * A community with the accounts every movement needs: the sources that service
 * credits come from (they run negative, mirroring what residents hold) and the
 * sink that redeemed points go to.
 */
export async function createCommunity(
  db: Kysely<Database>,
  { id = randomUUID(), name }: { id?: string; name: LocalizedText },
): Promise<{ id: string; name: LocalizedText }> {
  return inTransaction(db, async (trx) => {
    const community = await createLedgerCommunity(trx, { id, name });
    const system = { communityId: id, ownerId: id, minBalance: null };
    await openAccount(trx, { ...system, unit: 'points', ownerType: 'community_source' });
    await openAccount(trx, { ...system, unit: 'minutes', ownerType: 'community_source' });
    await openAccount(trx, { ...system, unit: 'points', ownerType: 'redemption_sink' });
    return community;
  });
}

export type CommunityAccounts = {
  pointsSource: string;
  minutesSource: string;
  redemptionSink: string;
};

export async function communityAccounts(
  db: Kysely<Database>,
  communityId: string,
): Promise<CommunityAccounts> {
  const rows = await db
    .selectFrom('ledger_accounts')
    .select(['id', 'owner_type', 'unit'])
    .where('community_id', '=', communityId)
    .where('owner_id', '=', communityId)
    .execute();
  const find = (ownerType: string, unit: string) => {
    const row = rows.find((r) => r.owner_type === ownerType && r.unit === unit);
    if (!row) throw new Error(`community ${communityId} has no ${ownerType} ${unit} account`);
    return row.id;
  };
  return {
    pointsSource: find('community_source', 'points'),
    minutesSource: find('community_source', 'minutes'),
    redemptionSink: find('redemption_sink', 'points'),
  };
}
