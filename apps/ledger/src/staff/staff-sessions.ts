import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { StaffSession } from '@tally/domain/staff';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { listStaffSessions } from '../auth/staff-sessions';

/** The live sessions of an account of the office's community. */
export async function staffSessions(
  db: Kysely<Database>,
  { staff, staffId }: { staff: StaffActor; staffId: string },
): Promise<StaffSession[]> {
  const account = await db
    .selectFrom('staff_users')
    .select('id')
    .where('community_id', '=', staff.communityId)
    .where('id', '=', staffId)
    .executeTakeFirst();
  if (!account) throw new DomainError('NOT_FOUND', 'That staff account could not be found.');
  return listStaffSessions(db, {
    communityId: staff.communityId,
    staffId,
    currentSessionId: staff.sessionId,
  });
}
