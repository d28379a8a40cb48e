import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { StreetCommunity, StreetOverview } from '@tally/domain/street';
import { type Kysely, sql } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { recordAudit } from '../common/audit';

/** A street account as the street procedures see it: its street is known. */
export type StreetStaff = StaffActor & { streetId: string };

type Db = Kysely<Database>;

/**
 * The street's communities side by side, each read with its own scoped subqueries (a street of
 * a hundred communities is a hundred small index reads, each of which a sharded database routes
 * to the community's shard).
 */
export async function streetCommunities(
  db: Db,
  streetId: string,
  { communityId }: { communityId?: string } = {},
): Promise<StreetCommunity[]> {
  let query = db
    .selectFrom('communities as c')
    .select([
      'c.id',
      'c.name_zh',
      'c.name_en',
      'c.time_zone',
      'c.active',
      'c.created_at',
      sql<number>`(select count(*) from residents r
        where r.community_id = c.id and r.moved_at is null)::int`.as('residents'),
      sql<number>`(select count(distinct s.resident_id) from service_records s
        where s.community_id = c.id and s.status = 'approved'
          and s.started_at >= now() - interval '365 days')::int`.as('participants'),
      sql<number>`coalesce((select sum(a.balance) from ledger_accounts a
        where a.community_id = c.id and a.owner_type = 'resident' and a.unit = 'points'), 0)::bigint`.as(
        'points_held',
      ),
      sql<number>`coalesce((select sum(a.balance) from ledger_accounts a
        where a.community_id = c.id and a.owner_type = 'resident' and a.unit = 'time_credit'), 0)::bigint`.as(
        'time_credit_held',
      ),
      sql<number>`(select count(*) from service_records s
        where s.community_id = c.id and s.status = 'pending')::int`.as('awaiting_review'),
      sql<Date | null>`(select max(s.started_at) from service_records s
        where s.community_id = c.id and s.status = 'approved')`.as('last_service_at'),
    ])
    .where('c.street_id', '=', streetId)
    .orderBy('c.created_at')
    .orderBy('c.id');
  if (communityId) query = query.where('c.id', '=', communityId);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    name: { zh: row.name_zh, en: row.name_en },
    timeZone: row.time_zone,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    residents: row.residents,
    participants: row.participants,
    pointsHeld: Number(row.points_held),
    timeCreditHeld: Number(row.time_credit_held),
    awaitingReview: row.awaiting_review,
    lastServiceAt: row.last_service_at ? new Date(row.last_service_at).toISOString() : null,
  }));
}

/** One community of the street, or NOT_IN_STREET (which also hides other streets' communities). */
export async function streetCommunity(
  db: Db,
  streetId: string,
  communityId: string,
): Promise<StreetCommunity> {
  const [community] = await streetCommunities(db, streetId, { communityId });
  if (!community) throw new DomainError('NOT_IN_STREET');
  return community;
}

export async function streetOverview(db: Db, staff: StreetStaff): Promise<StreetOverview> {
  const street = await db
    .selectFrom('streets')
    .select(['id', 'name_zh', 'name_en'])
    .where('id', '=', staff.streetId)
    .executeTakeFirstOrThrow();
  return {
    street: { id: street.id, name: { zh: street.name_zh, en: street.name_en } },
    openCommunityId: staff.communityId,
    communities: await streetCommunities(db, staff.streetId),
  };
}

/**
 * Opens one community of the street for reading in this session: from the next request on,
 * every read procedure answers for it. Noted in that community's audit log (who of the street
 * read it, from when), so its office sees who looked.
 */
export async function openCommunity(
  db: Db,
  { staff, origin, communityId }: { staff: StreetStaff; origin: string; communityId: string },
): Promise<StreetOverview> {
  const inStreet = await db
    .selectFrom('communities')
    .select('id')
    .where('id', '=', communityId)
    .where('street_id', '=', staff.streetId)
    .executeTakeFirst();
  if (!inStreet) throw new DomainError('NOT_IN_STREET');
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff_sessions')
      .set({ viewing_community_id: communityId })
      .where('community_id', '=', staff.homeCommunityId ?? staff.communityId)
      .where('id', '=', staff.sessionId)
      .execute();
    if (communityId !== staff.communityId) {
      await recordAudit(trx, {
        communityId,
        actor: { type: 'staff', id: staff.id },
        action: 'street.open',
        target: { type: 'community', id: communityId },
        origin,
        details: { by: staff.displayName, street: staff.streetId },
      });
    }
  });
  return streetOverview(db, { ...staff, communityId });
}
