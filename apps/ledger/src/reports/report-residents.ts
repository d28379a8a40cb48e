import type { Database } from '@tally/db/schema';
import type { Kysely } from 'kysely';
import { localDate } from './counted-service';

/** A resident as reports group them. */
export type ReportResident = {
  id: string;
  birthYear: number | null;
  building: string | null;
  /** The day their card was issued. */
  cardIssuedOn: string;
  /** The day they became a resident of the report: card issue, or joining the organization. */
  since: string;
};

/**
 * Everyone a report may count: the community's card holders, or an organization's members.
 * Whether they count for a window is the report's call: they do once they had their card (and
 * membership) by its end — or served in it, since paper sheets sometimes come before the card.
 */
export async function reportResidents(
  db: Kysely<Database>,
  {
    communityId,
    timeZone,
    organizationId,
  }: { communityId: string; timeZone: string; organizationId: string | null },
): Promise<ReportResident[]> {
  const base = db.selectFrom('residents as r').where('r.community_id', '=', communityId);
  const rows = organizationId
    ? await base
        .innerJoin('organization_members as m', (join) =>
          join.onRef('m.community_id', '=', 'r.community_id').onRef('m.resident_id', '=', 'r.id'),
        )
        .select([
          'r.id',
          'r.birth_year',
          'r.building',
          localDate('r.card_issued_at', timeZone).as('card_issued_on'),
          localDate('m.joined_at', timeZone).as('joined_on'),
        ])
        .where('m.organization_id', '=', organizationId)
        .execute()
    : await base
        .select([
          'r.id',
          'r.birth_year',
          'r.building',
          localDate('r.card_issued_at', timeZone).as('card_issued_on'),
          localDate('r.card_issued_at', timeZone).as('joined_on'),
        ])
        .execute();
  return rows.map((row) => ({
    id: row.id,
    birthYear: row.birth_year,
    building: row.building,
    cardIssuedOn: row.card_issued_on,
    // ISO dates compare as text: the later of the two.
    since: [row.joined_on, row.card_issued_on].sort()[1] ?? row.card_issued_on,
  }));
}
