import { randomUUID } from 'node:crypto';
import type { TestDatabase } from '@tally/db/testing';
import type { LogServiceInput } from '@tally/domain/service';
import { getAccount } from '../ledger/accounts';
import type { CreatedResident } from '../residents/create-resident';
import { givenOrganization, givenResident } from '../residents/test-helpers';
import { createStaffUser } from '../staff/create-staff-user';
import {
  type ApiClient,
  apiClient,
  givenCommunityWithStaff,
  newIdempotencyKey,
  TEST_PASSWORD,
  type TestServer,
  testPasswordHash,
} from '../test/api';

// Small builders for the service and rules tests.

/** A community with staff, one organization, its members and a leader of it. */
export async function givenTeam(
  server: TestServer,
  database: TestDatabase,
  { members = 2, memberNames = [] }: { members?: number; memberNames?: string[] } = {},
) {
  const community = await givenCommunityWithStaff(server, database);
  const residents: CreatedResident[] = [];
  for (let i = 0; i < Math.max(members, memberNames.length); i++) {
    const name = memberNames[i];
    residents.push(await givenResident(database.db, community.communityId, name ? { name } : {}));
  }
  const organization = await givenOrganization(database.db, community.communityId, {
    members: residents,
  });
  const leader = await community.leaderOf([organization.id]);
  return { ...community, organization, residents, leader };
}

/** Another signed-in office user of the community (for maker–checker). */
export async function givenOfficeUser(
  server: TestServer,
  database: TestDatabase,
  communityId: string,
): Promise<{ id: string; api: ApiClient }> {
  const user = await createStaffUser(
    database.db,
    {
      communityId,
      username: `office2-${randomUUID().slice(0, 8)}`,
      password: TEST_PASSWORD,
      displayName: 'Second office',
      role: 'office',
    },
    { passwordHash: await testPasswordHash() },
  );
  const { token } = await apiClient(server.url).auth.login.mutate({
    username: user.username,
    password: TEST_PASSWORD,
  });
  return { id: user.id, api: apiClient(server.url, { token }) };
}

/** A sign-in sheet: one hour of culture on a past morning, unless told otherwise. */
export function sheet(
  organizationId: string,
  residents: { id: string }[],
  overrides: Partial<Omit<LogServiceInput, 'organizationId' | 'residentIds'>> = {},
): LogServiceInput {
  return {
    idempotencyKey: newIdempotencyKey(),
    organizationId,
    residentIds: residents.map((r) => r.id),
    activity: { title: 'Reading club', category: 'culture', place: 'Community hall' },
    startedAt: '2026-03-10T09:00:00+08:00',
    minutes: 60,
    ...overrides,
  };
}

/** Logs one record per (startedAt, minutes) for a resident and returns their ids in order. */
export async function logRecords(
  api: ApiClient,
  organizationId: string,
  resident: { id: string },
  entries: Partial<Omit<LogServiceInput, 'organizationId' | 'residentIds'>>[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const entry of entries) {
    const { records } = await api.service.log.mutate(sheet(organizationId, [resident], entry));
    ids.push(...records.map((r) => r.id));
  }
  return ids;
}

export async function approve(api: ApiClient, recordIds: string[]) {
  return api.service.review.mutate({
    idempotencyKey: newIdempotencyKey(),
    recordIds,
    decision: 'approve',
  });
}

/** A resident's balances, read from their ledger accounts. */
export async function balancesOf(
  database: TestDatabase,
  communityId: string,
  resident: CreatedResident,
): Promise<{ points: number; minutes: number }> {
  const [points, minutes] = await Promise.all([
    getAccount(database.db, communityId, resident.pointsAccountId),
    getAccount(database.db, communityId, resident.minutesAccountId),
  ]);
  return { points: points.balance, minutes: minutes.balance };
}

export async function countRows(
  database: TestDatabase,
  table: 'service_records' | 'ledger_transactions' | 'earning_rules',
  communityId: string,
): Promise<number> {
  const row = await database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', communityId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A wall-clock time `days` days ago in the test communities' time zone (Asia/Shanghai). */
export function daysAgo(days: number, time = '09:00'): string {
  const shanghaiNow = new Date(Date.now() + 8 * 3_600_000);
  const day = new Date(shanghaiNow.getTime() - days * 86_400_000).toISOString().slice(0, 10);
  return `${day}T${time}:00+08:00`;
}
