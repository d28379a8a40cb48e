import type { Database } from '@tally/db/schema';
import { type Kysely, sql } from 'kysely';
import { createResidents } from '../residents';
import { populate } from './bulk-rows';
import type { YearOrganization, YearResident } from './community';
import type { Random } from './random';
import { DAY } from './year-state';

/**
 * Member cards for `count` residents, issued through the service's `createResident` in the
 * year before this one (the service stamps a card with the day it runs, so the day is set
 * after). Who they are is drawn before the cards are issued in parallel, in the same order
 * every run.
 */
export async function issueCards(
  db: Kysely<Database>,
  {
    communityId,
    count,
    yearStart,
    random,
  }: { communityId: string; count: number; yearStart: number; random: Random },
): Promise<YearResident[]> {
  const people = Array.from({ length: count }, (_, i) => ({
    name: `Resident ${String(i + 1).padStart(5, '0')}`,
    cardNumber: `Y${String(i + 1).padStart(5, '0')}`,
    birthYear: 1935 + Math.floor(random() * 75),
    building: String(1 + Math.floor(random() * 40)),
    showName: random() < 0.6,
  }));
  const created = await createResidents(db, {
    communityId,
    count,
    parallel: 6,
    person: (i) => people[i] ?? { name: '', cardNumber: '' },
  });
  const residents = created.map((resident, index): YearResident => {
    const { birthYear, building } = people[index] ?? { birthYear: null, building: null };
    return {
      index,
      id: resident.id,
      name: resident.name,
      cardNumber: resident.cardNumber,
      pointsAccountId: resident.pointsAccountId,
      minutesAccountId: resident.minutesAccountId,
      birthYear,
      building,
      zeal: zealOf(random),
      cardIssuedAt: yearStart - Math.floor(random() * 365 * DAY),
    };
  });
  const issued = residents.map((r) => ({ id: r.id, at: new Date(r.cardIssuedAt).toISOString() }));
  await sql`
    update residents r set card_issued_at = d.at, created_at = d.at
      from json_to_recordset(${JSON.stringify(issued)}::json) as d (id uuid, at timestamptz)
     where r.community_id = ${communityId} and r.id = d.id`.execute(db);
  return residents;
}

/** A third never serve; most serve now and then; a few carry much of the work. */
function zealOf(random: Random): number {
  const draw = random();
  if (draw < 0.3) return 0;
  if (draw < 0.75) return 1;
  if (draw < 0.93) return 3;
  return 8;
}

/**
 * Everyone who serves belongs to one organization, some to two (and a few who never serve to
 * one); they joined the day after their card was issued. One statement: ten thousand
 * `addMember` calls would only repeat the existence checks the foreign keys make anyway.
 */
export async function joinOrganizations(
  db: Kysely<Database>,
  {
    communityId,
    residents,
    organizations,
    random,
  }: {
    communityId: string;
    residents: YearResident[];
    organizations: YearOrganization[];
    random: Random;
  },
): Promise<void> {
  const rows = [];
  for (const resident of residents) {
    const joins = resident.zeal === 0 ? (random() < 0.3 ? 1 : 0) : random() < 0.25 ? 2 : 1;
    const first = Math.floor(random() * organizations.length);
    for (let k = 0; k < joins; k++) {
      const organization = organizations[(first + k * 7) % organizations.length];
      if (!organization) continue;
      for (let w = 0; w < resident.zeal; w++) organization.weightedMembers.push(resident);
      rows.push({
        community_id: communityId,
        organization_id: organization.id,
        resident_id: resident.id,
        joined_at: new Date(resident.cardIssuedAt + DAY).toISOString(),
      });
    }
  }
  const columns = ['community_id', 'organization_id', 'resident_id', 'joined_at'];
  await populate('organization_members', columns)(JSON.stringify(rows)).execute(db);
}
