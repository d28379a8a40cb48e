import type { Database } from '@tally/db/schema';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { createStaffUser } from '../staff/create-staff-user';

/**
 * Maker–checker between office members: a second office member, set up from the command line
 * (so nobody controls her account), and the street's auditor, whose account the office opened
 * and so awaits confirmation by that second member. The office cannot confirm it herself; the
 * second member sees a Confirm button. Nobody here logs service, so the demo's approvals are
 * unaffected.
 */
export async function seedStaffStory(
  db: Kysely<Database>,
  {
    communityId,
    office,
    password,
    passwordHash,
  }: { communityId: string; office: StaffActor; password: string; passwordHash: string },
): Promise<void> {
  await createStaffUser(
    db,
    {
      communityId,
      username: 'office2',
      password,
      displayName: '王丽',
      role: 'office',
    },
    { passwordHash },
  );
  await createStaffUser(
    db,
    {
      communityId,
      username: 'auditor-street',
      password,
      displayName: '吴刚 (Street office auditor)',
      role: 'auditor',
    },
    { passwordHash, controllerId: office.id },
  );
}
