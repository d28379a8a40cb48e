import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { visibleOrganizationIds } from '../organizations/leadership';
import { selectResidents } from '../residents/resident-query';

/** A resident's points and minutes. A leader may look only at members of organizations they lead. */
export async function residentBalances(
  db: Kysely<Database>,
  staff: StaffActor,
  residentId: string,
): Promise<{ points: number; minutes: number }> {
  const row = await selectResidents(db, {
    communityId: staff.communityId,
    memberOf: visibleOrganizationIds(staff),
  })
    .where('r.id', '=', residentId)
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', 'That resident could not be found.');
  return { points: row.points, minutes: row.minutes };
}
