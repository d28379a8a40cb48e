import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import type { ServiceCategory } from '@tally/domain/categories';
import type { Kysely } from 'kysely';
import { hashSecret } from '../auth/secrets';
import { createOrganization } from '../organizations/create-organization';
import { type CreatedResident, createResident } from '../residents/create-resident';

// Builders for the reports, notices, corrections and certificates tests: people with ages,
// buildings and card dates, and service written straight into the records, so a test states
// exactly the figures it expects.

let pinHash: Promise<string> | undefined;

export type Person = {
  birthYear?: number;
  building?: string;
  /** When the card was issued (an ISO instant); default: 1 June 2025 in Shanghai. */
  cardIssuedAt?: string;
  showName?: boolean;
  name?: string;
};

export async function givenPerson(
  db: Kysely<Database>,
  communityId: string,
  person: Person = {},
): Promise<CreatedResident> {
  pinHash ??= hashSecret('1234');
  const cardNumber = `R${randomUUID().slice(0, 8)}`;
  const resident = await createResident(
    db,
    {
      communityId,
      name: person.name ?? `Resident ${cardNumber}`,
      displayName: person.name ? `${person.name} (shown)` : `Res ${cardNumber.slice(1, 5)}`,
      birthYear: person.birthYear,
      building: person.building,
      cardNumber,
      pin: '1234',
      showName: person.showName ?? false,
    },
    { pinHash: await pinHash },
  );
  await db
    .updateTable('residents')
    .set({ card_issued_at: person.cardIssuedAt ?? '2025-06-01T10:00:00+08:00' })
    .where('community_id', '=', communityId)
    .where('id', '=', resident.id)
    .execute();
  return resident;
}

/** `count` people alike. */
export async function givenPeople(
  db: Kysely<Database>,
  communityId: string,
  count: number,
  person: Person = {},
): Promise<CreatedResident[]> {
  const people: CreatedResident[] = [];
  for (let i = 0; i < count; i++) people.push(await givenPerson(db, communityId, person));
  return people;
}

export async function givenTeamOrganization(
  db: Kysely<Database>,
  communityId: string,
  name = `Team ${randomUUID().slice(0, 8)}`,
) {
  return createOrganization(db, { communityId, name: { zh: '', en: name } });
}

export async function givenMember(
  db: Kysely<Database>,
  {
    communityId,
    organizationId,
    residentId,
    joinedAt = '2025-06-01T10:00:00+08:00',
  }: { communityId: string; organizationId: string; residentId: string; joinedAt?: string },
) {
  await db
    .insertInto('organization_members')
    .values({
      community_id: communityId,
      organization_id: organizationId,
      resident_id: residentId,
      joined_at: joinedAt,
    })
    .execute();
}

export type ServiceFact = {
  residentId: string;
  startedAt: string;
  minutes?: number;
  category?: ServiceCategory;
  points?: number;
  status?: 'approved' | 'pending' | 'rejected';
  loggedAt?: string;
  organizationId?: string;
};

/**
 * Service records written as they would stand after review (no ledger credit: reports read the
 * records). `loggedBy` is any staff member of the community.
 */
export async function givenService(
  db: Kysely<Database>,
  {
    communityId,
    organizationId,
    loggedBy,
  }: { communityId: string; organizationId: string; loggedBy: string },
  facts: ServiceFact[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const fact of facts) {
    const id = randomUUID();
    const status = fact.status ?? 'approved';
    await db
      .insertInto('service_records')
      .values({
        community_id: communityId,
        id,
        organization_id: fact.organizationId ?? organizationId,
        resident_id: fact.residentId,
        activity_title: 'Courtyard clean-up',
        category: fact.category ?? 'environment',
        place: 'Courtyard',
        started_at: fact.startedAt,
        minutes: fact.minutes ?? 60,
        status,
        logged_by: loggedBy,
        logged_at: fact.loggedAt ?? fact.startedAt,
        review_reason: status === 'rejected' ? 'Not held' : null,
        points: status === 'approved' ? (fact.points ?? 10) : null,
        rule_version: status === 'approved' ? 1 : null,
      })
      .execute();
    ids.push(id);
  }
  return ids;
}
