import type { Database } from '@tally/db/schema';
import type { Kysely } from 'kysely';
import { createCommunity } from '../communities/create-community';
import { createStaffUser } from '../staff/create-staff-user';

export const DEMO_LOGINS = {
  staff: ['office', 'leader', 'auditor'],
  password: 'tally-demo',
  kioskToken: 'demo-kiosk-token',
  pin: '1234',
} as const;

/** Placeholder while the programme features land: the community and its staff. */
export async function seedDemoCommunity(db: Kysely<Database>): Promise<void> {
  const community = await createCommunity(db, { name: 'Q Community' });
  for (const role of DEMO_LOGINS.staff) {
    await createStaffUser(db, {
      communityId: community.id,
      username: role,
      password: DEMO_LOGINS.password,
      displayName: role,
      role,
    });
  }
}
