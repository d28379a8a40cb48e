import type { Database } from '@tally/db/schema';
import type { StreetVerify } from '@tally/domain/street';
import type { Kysely } from 'kysely';
import { verifyLedger } from '../ledger/verify-ledger';
import { type StreetStaff, streetCommunities } from './street-overview';

/** Every community's chain of the street, checked one after another. */
export async function verifyStreet(
  db: Kysely<Database>,
  staff: StreetStaff,
): Promise<StreetVerify> {
  const communities = await streetCommunities(db, staff.streetId);
  const results: StreetVerify['communities'] = [];
  for (const community of communities) {
    const result = await verifyLedger(db, community.id);
    results.push({
      id: community.id,
      name: community.name,
      ok: result.ok,
      transactions: result.transactions,
      problem: result.ok ? null : (result.findings[0]?.message ?? 'The chain does not verify.'),
    });
  }
  return { communities: results };
}
