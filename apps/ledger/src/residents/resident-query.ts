import type { Database } from '@tally/db/schema';
import type { LocalizedText } from '@tally/domain/localized-text';
import type { Resident } from '@tally/domain/residents';
import { type Kysely, sql } from 'kysely';

/**
 * Residents of one community with their balances, read from their ledger
 * accounts (balances are derived from postings and kept by the ledger).
 * `memberOf` narrows to members of those organizations (a leader's view, or
 * one organization's members); null means the whole community.
 */
export function selectResidents(
  db: Kysely<Database>,
  { communityId, memberOf }: { communityId: string; memberOf: string[] | null },
) {
  let query = db
    .selectFrom('residents as r')
    .innerJoin('ledger_accounts as p', (j) =>
      j.onRef('p.community_id', '=', 'r.community_id').onRef('p.id', '=', 'r.points_account_id'),
    )
    .innerJoin('ledger_accounts as m', (j) =>
      j.onRef('m.community_id', '=', 'r.community_id').onRef('m.id', '=', 'r.minutes_account_id'),
    )
    .select([
      'r.id',
      'r.name',
      'r.display_name',
      'r.birth_year',
      'r.building',
      'r.card_number',
      'r.show_name',
      'r.created_at',
      'p.balance as points',
      'm.balance as minutes',
      // Locked by the office, or for a while after too many wrong PINs (at a device or overall).
      sql<boolean>`coalesce(r.card_locked_until > now(), false) or exists (
        select 1 from card_attempts ca where ca.community_id = r.community_id
           and ca.card_number = r.card_number and ca.locked_until > now())`.as('card_locked'),
    ])
    .where('r.community_id', '=', communityId);
  if (memberOf !== null) {
    // A leader of no organization sees no one: `in ()` is not SQL, so match nothing.
    const led = memberOf.length > 0 ? memberOf : [NO_ORGANIZATION];
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
  return query;
}

const NO_ORGANIZATION = '00000000-0000-0000-0000-000000000000';

export type ResidentRow = {
  id: string;
  name: string;
  display_name: string;
  birth_year: number | null;
  building: string | null;
  card_number: string;
  show_name: boolean;
  created_at: Date;
  points: number;
  minutes: number;
  card_locked: boolean;
};

/** The organizations each resident belongs to, limited to those the viewer may see. */
export async function membershipsOf(
  db: Kysely<Database>,
  {
    communityId,
    residentIds,
    visibleOrganizationIds,
  }: { communityId: string; residentIds: string[]; visibleOrganizationIds: string[] | null },
): Promise<Map<string, { id: string; name: LocalizedText }[]>> {
  const memberships = new Map<string, { id: string; name: LocalizedText }[]>();
  if (residentIds.length === 0) return memberships;
  let query = db
    .selectFrom('organization_members as om')
    .innerJoin('organizations as o', (j) =>
      j.onRef('o.community_id', '=', 'om.community_id').onRef('o.id', '=', 'om.organization_id'),
    )
    .select(['om.resident_id', 'o.id', 'o.name_zh', 'o.name_en'])
    .where('om.community_id', '=', communityId)
    .where('om.resident_id', 'in', residentIds)
    .orderBy('o.name_zh')
    .orderBy('o.name_en');
  if (visibleOrganizationIds !== null) {
    if (visibleOrganizationIds.length === 0) return memberships;
    query = query.where('om.organization_id', 'in', visibleOrganizationIds);
  }
  for (const row of await query.execute()) {
    const list = memberships.get(row.resident_id) ?? [];
    list.push({ id: row.id, name: { zh: row.name_zh, en: row.name_en } });
    memberships.set(row.resident_id, list);
  }
  return memberships;
}

export function toResident(row: ResidentRow, organizationIds: string[]): Resident {
  return {
    id: row.id,
    name: row.name,
    displayName: row.display_name,
    birthYear: row.birth_year,
    building: row.building,
    cardNumber: row.card_number,
    showName: row.show_name,
    points: row.points,
    minutes: row.minutes,
    organizationIds,
    cardLocked: row.card_locked,
    createdAt: row.created_at.toISOString(),
  };
}
