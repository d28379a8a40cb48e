import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { KioskResident } from '@tally/domain/kiosk';
import type { Kysely } from 'kysely';

/** The resident as a kiosk shows them: display name and fresh balances. */
export async function kioskResident(
  db: Kysely<Database>,
  { communityId, residentId }: { communityId: string; residentId: string },
): Promise<KioskResident> {
  const row = await db
    .selectFrom('residents as r')
    .innerJoin('ledger_accounts as p', (join) =>
      join.onRef('p.community_id', '=', 'r.community_id').onRef('p.id', '=', 'r.points_account_id'),
    )
    .innerJoin('ledger_accounts as m', (join) =>
      join
        .onRef('m.community_id', '=', 'r.community_id')
        .onRef('m.id', '=', 'r.minutes_account_id'),
    )
    .select(['r.id', 'r.display_name', 'p.balance as points', 'm.balance as minutes'])
    .where('r.community_id', '=', communityId)
    .where('r.id', '=', residentId)
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', 'That resident could not be found.');
  return { id: row.id, displayName: row.display_name, points: row.points, minutes: row.minutes };
}
