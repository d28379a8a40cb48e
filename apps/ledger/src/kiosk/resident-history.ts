import type { Database } from '@tally/db/schema';
import type { HistoryEntry } from '@tally/domain/kiosk';
import type { TransactionKind } from '@tally/domain/ledger';
import { type Kysely, sql } from 'kysely';
import type { ResidentSession } from '../auth/actors';
import { decodeSequenceCursor, type Page, toSequencePage } from '../common/pages';
import { describeEntries } from '../journal/describe-entries';
import { calendarDay } from '../service/stored-time';

type EntryRow = {
  id: string;
  sequence: number;
  kind: string;
  memo: string;
  reference_type: string | null;
  reference_id: string | null;
  created_at: Date;
  actor_origin: string | null;
  points: number;
  minutes: number;
};

/**
 * The resident's own ledger entries, newest first, each with what it did to
 * their points and minutes and, in plain words, what it was for.
 */
export async function residentHistory(
  db: Kysely<Database>,
  session: ResidentSession,
  { cursor, limit }: { cursor?: string | undefined; limit: number },
): Promise<Page<HistoryEntry>> {
  const { communityId, residentId } = session;
  const before = cursor ? decodeSequenceCursor(cursor) : null;
  const accounts = await db
    .selectFrom('residents')
    .select(['points_account_id', 'minutes_account_id'])
    .where('community_id', '=', communityId)
    .where('id', '=', residentId)
    .executeTakeFirstOrThrow();
  const { rows } = await sql<EntryRow>`
    select t.id, t.sequence, t.kind, t.memo, t.reference_type, t.reference_id, t.created_at,
           t.actor_origin,
           coalesce(sum(p.amount) filter (where p.account_id = ${accounts.points_account_id}), 0) as points,
           coalesce(sum(p.amount) filter (where p.account_id = ${accounts.minutes_account_id}), 0) as minutes
      from ledger_postings p
      join ledger_transactions t on t.community_id = p.community_id and t.id = p.transaction_id
     where p.community_id = ${communityId}
       and p.account_id in (${accounts.points_account_id}, ${accounts.minutes_account_id})
       ${before === null ? sql`` : sql`and t.sequence < ${before}`}
     group by t.id, t.sequence, t.kind, t.memo, t.reference_type, t.reference_id, t.created_at,
              t.actor_origin
     order by t.sequence desc
     limit ${limit + 1}`.execute(db);
  const page = toSequencePage(rows, limit, (row) => row.sequence);
  const [describe, servedOn, proxies] = await Promise.all([
    describeEntries(db, communityId, page.items),
    serviceDates(db, communityId, page.items),
    proxiesWhoActed(db, { communityId, residentId }, page.items),
  ]);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((row) => ({
      transactionId: row.id,
      kind: row.kind as TransactionKind,
      points: Number(row.points),
      minutes: Number(row.minutes),
      description: describe(row),
      serviceDate:
        row.reference_type === 'service_record' && row.reference_id
          ? (servedOn.get(row.reference_id) ?? null)
          : null,
      createdAt: row.created_at.toISOString(),
      actedBy: proxies.get(row.actor_origin ?? '') ?? null,
    })),
  };
}

/**
 * Who acted for the resident on their phone, by the origin an entry names (`phone:<session>`):
 * a proxy's name; entries the resident made themself (or at a kiosk) name no one.
 */
async function proxiesWhoActed(
  db: Kysely<Database>,
  { communityId, residentId }: { communityId: string; residentId: string },
  rows: EntryRow[],
): Promise<Map<string, string>> {
  const sessions = [
    ...new Set(
      rows
        .map((row) => row.actor_origin?.match(/^phone:(.+)$/)?.[1])
        .filter((id): id is string => id !== undefined && UUID.test(id)),
    ),
  ];
  if (sessions.length === 0) return new Map();
  const found = await db
    .selectFrom('phone_sessions as s')
    .leftJoin('residents as r', (j) =>
      j.onRef('r.community_id', '=', 's.community_id').onRef('r.id', '=', 's.resident_id'),
    )
    .leftJoin('family_members as f', (j) =>
      j.onRef('f.community_id', '=', 's.community_id').onRef('f.id', '=', 's.family_member_id'),
    )
    .select(['s.id', 's.resident_id', 'r.display_name', 'f.name'])
    .where('s.community_id', '=', communityId)
    .where('s.id', 'in', sessions)
    .execute();
  return new Map(
    found
      .filter((row) => row.resident_id !== residentId)
      .map((row) => [`phone:${row.id}`, row.display_name ?? row.name ?? '']),
  );
}

/**
 * For service (and its reversal, which carries the same reference): the day it was given, in
 * the community's time zone. A credit posted on approval may come days after the service.
 */
async function serviceDates(
  db: Kysely<Database>,
  communityId: string,
  rows: EntryRow[],
): Promise<Map<string, string>> {
  const ids = [
    ...new Set(
      rows
        .filter((row) => row.reference_type === 'service_record' && row.reference_id)
        .map((row) => row.reference_id as string)
        .filter((id) => UUID.test(id)),
    ),
  ];
  if (ids.length === 0) return new Map();
  const found = await db
    .selectFrom('service_records as s')
    .innerJoin('communities as c', 'c.id', 's.community_id')
    .select(['s.id', calendarDay('s.started_at', sql.ref('c.time_zone')).as('service_date')])
    .where('s.community_id', '=', communityId)
    .where('s.id', 'in', ids)
    .execute();
  return new Map(found.map((row) => [row.id, String(row.service_date)]));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
