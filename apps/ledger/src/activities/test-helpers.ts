import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import type { TestDatabase } from '@tally/db/testing';
import type { CreateActivityInput } from '@tally/domain/activities';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { startResidentSession } from '../auth/resident-sessions';
import { hashSecret } from '../auth/secrets';
import { givenKiosk } from '../kiosk/test-helpers';
import { addMember, createOrganization } from '../organizations/create-organization';
import { createResident } from '../residents/create-resident';
import {
  type ApiClient,
  givenCommunityWithStaff,
  newIdempotencyKey,
  type TestServer,
} from '../test/api';

// Builders for the activities tests: a team with a leader and members, a kiosk, activities a
// day ahead (or moved into the past by SQL, as the clock cannot be), and residents at the kiosk
// without the slow PIN check.

export const ACTIVITY_PIN = '2580';
let pinHash: Promise<string> | undefined;

const HOUR = 3_600_000;

/** A moment `hours` from now (negative: ago), as the API takes it. */
export function hoursFromNow(hours: number): string {
  return new Date(Date.now() + hours * HOUR).toISOString();
}

export async function givenActivityResident(
  db: Kysely<Database>,
  communityId: string,
  details: { birthYear?: number; building?: string; displayName?: string } = {},
) {
  pinHash ??= hashSecret(ACTIVITY_PIN);
  const cardNumber = `A${randomUUID().slice(0, 8).toUpperCase()}`;
  return createResident(
    db,
    {
      communityId,
      name: `Resident ${cardNumber}`,
      displayName: details.displayName ?? `Res ${cardNumber.slice(1, 5)}`,
      cardNumber,
      pin: ACTIVITY_PIN,
      birthYear: details.birthYear,
      building: details.building,
    },
    { pinHash: await pinHash },
  );
}

/** A community with an organization, its members, its leader and a kiosk. */
export async function givenActivityTeam(
  server: TestServer,
  database: TestDatabase,
  { members = 3 }: { members?: number } = {},
) {
  const { db } = database;
  const community = await givenCommunityWithStaff(server, database);
  const { communityId } = community;
  const organization = await createOrganization(db, {
    communityId,
    name: { zh: `队伍 ${randomUUID().slice(0, 6)}`, en: `Team ${randomUUID().slice(0, 6)}` },
  });
  const residents = [];
  for (let i = 0; i < members; i++) {
    const resident = await givenActivityResident(db, communityId, { birthYear: 1960 });
    await addMember(db, { communityId, organizationId: organization.id, residentId: resident.id });
    residents.push(resident);
  }
  const leader = await community.leaderOf([organization.id]);
  const kiosk = await givenKiosk(server, db, communityId);
  /** The kiosk's client speaking for a resident, identified without the (slow) PIN check. */
  const atKiosk = async (resident: { id: string }) => {
    const token = await startResidentSession(db, {
      kiosk: { kind: 'kiosk', kioskId: kiosk.id, communityId, kioskName: 'Kiosk' },
      residentId: resident.id,
    });
    return kiosk.asResident(token);
  };
  return { ...community, organization, residents, leader, kiosk, atKiosk };
}

/** An activity a day ahead, two hours long, in culture at the community hall. */
export function activityInput(
  organizationId: string,
  overrides: Partial<z.input<typeof CreateActivityInput>> = {},
): z.input<typeof CreateActivityInput> {
  return {
    idempotencyKey: newIdempotencyKey(),
    organizationId,
    title: { zh: '读书会', en: 'Reading club' },
    category: 'culture',
    place: 'Community hall',
    startsAt: hoursFromNow(24),
    endsAt: hoursFromNow(26),
    ...overrides,
  };
}

export async function givenPublishedActivity(
  api: ApiClient,
  organizationId: string,
  overrides: Partial<z.input<typeof CreateActivityInput>> = {},
) {
  const { id } = await api.activities.create.mutate(activityInput(organizationId, overrides));
  return api.activities.publish.mutate({ idempotencyKey: newIdempotencyKey(), id });
}

/**
 * Moves an activity in time (the clock cannot be), e.g. to have it started an hour ago:
 * `moveActivity(db, id, { startedHoursAgo: 1, hours: 2 })`.
 */
export async function moveActivity(
  db: Kysely<Database>,
  id: string,
  { startedHoursAgo, hours = 2 }: { startedHoursAgo: number; hours?: number },
) {
  await sql`update activities
     set starts_at = now() - make_interval(secs => ${startedHoursAgo * 3600}),
         ends_at = now() - make_interval(secs => ${(startedHoursAgo - hours) * 3600}),
         sign_up_opens_at = null
   where id = ${id}`.execute(db);
}

/** Sets when a resident was checked in and out, in minutes after the activity's start. */
export async function setDoorTimes(
  db: Kysely<Database>,
  { activityId, residentId }: { activityId: string; residentId: string },
  { inAfter, outAfter }: { inAfter: number; outAfter: number | null },
) {
  await sql`update activity_attendance t
     set checked_in_at = a.starts_at + make_interval(mins => ${inAfter}),
         checked_out_at = case when ${outAfter}::int is null then null
           else a.starts_at + make_interval(mins => ${outAfter}::int) end
    from activities a
   where a.community_id = t.community_id and a.id = t.activity_id
     and t.activity_id = ${activityId} and t.resident_id = ${residentId}`.execute(db);
}

export function key() {
  return newIdempotencyKey();
}
