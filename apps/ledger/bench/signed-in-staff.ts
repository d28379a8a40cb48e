import { randomUUID } from 'node:crypto';
import type { Database, StaffRole } from '@tally/db/schema';
import type { Kysely } from 'kysely';
import { createStaffUser } from '../src/staff/create-staff-user';
import { type ApiClient, apiClient, TEST_PASSWORD, testPasswordHash } from '../src/test/api';

export type SignedInStaff = { id: string; token: string; api: ApiClient };

/**
 * A new member of staff, signed in through the service's own `auth.login` (so their requests
 * carry a real session token); usernames are unique across communities, so sign-in is never
 * ambiguous.
 */
export async function signedInStaff(
  url: string,
  db: Kysely<Database>,
  {
    communityId,
    role,
    organizationIds = [],
  }: { communityId: string; role: StaffRole; organizationIds?: string[] },
): Promise<SignedInStaff> {
  const user = await createStaffUser(
    db,
    {
      communityId,
      username: `bench-${role}-${randomUUID().slice(0, 8)}`,
      password: TEST_PASSWORD,
      displayName: `Bench ${role}`,
      role,
      organizationIds,
    },
    { passwordHash: await testPasswordHash() },
  );
  const { token } = await apiClient(url).auth.login.mutate({
    username: user.username,
    password: TEST_PASSWORD,
  });
  return { id: user.id, token, api: apiClient(url, { token }) };
}
