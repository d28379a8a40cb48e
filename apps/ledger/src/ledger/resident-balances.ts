import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';

/** A resident's points and minutes. A leader may look only at members of organizations they lead. */
export async function residentBalances(
  db: Kysely<Database>,
  staff: StaffActor,
  residentId: string,
): Promise<{ points: number; minutes: number }> {
  let query = db
    .selectFrom('residents as r')
    .innerJoin('ledger_accounts as p', (j) =>
      j.onRef('p.community_id', '=', 'r.community_id').onRef('p.id', '=', 'r.points_account_id'),
    )
    .innerJoin('ledger_accounts as m', (j) =>
      j.onRef('m.community_id', '=', 'r.community_id').onRef('m.id', '=', 'r.minutes_account_id'),
    )
    .select(['p.balance as points', 'm.balance as minutes'])
    .where('r.community_id', '=', staff.communityId)
    .where('r.id', '=', residentId);
  if (staff.role === 'leader') {
    const led =
      staff.organizationIds.length > 0
        ? staff.organizationIds
        : ['00000000-0000-0000-0000-000000000000'];
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('organization_members as om')
          .select('om.resident_id')
          .whereRef('om.community_id', '=', 'r.community_id')
          .whereRef('om.resident_id', '=', 'r.id')
          .where('om.organization_id', 'in', led),
      ),
    );
  }
  const row = await query.executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', 'That resident could not be found.');
  return row;
}
