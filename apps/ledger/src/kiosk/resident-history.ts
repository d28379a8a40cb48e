import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { HistoryEntry } from '@tally/domain/kiosk';
import type { TransactionKind } from '@tally/domain/ledger';
import { type Kysely, sql } from 'kysely';
import type { ResidentSession } from '../auth/actors';
import { type Page, toPage } from '../common/pages';

type EntryRow = {
  id: string;
  sequence: number;
  kind: string;
  memo: string;
  reference_type: string | null;
  reference_id: string | null;
  created_at: Date;
  points: number;
  minutes: number;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  const before = cursor === undefined ? null : Number(cursor);
  if (before !== null && !Number.isSafeInteger(before)) {
    throw new DomainError('VALIDATION_FAILED', 'cursor: not a page cursor');
  }
  const accounts = await db
    .selectFrom('residents')
    .select(['points_account_id', 'minutes_account_id'])
    .where('community_id', '=', communityId)
    .where('id', '=', residentId)
    .executeTakeFirstOrThrow();
  const { rows } = await sql<EntryRow>`
    select t.id, t.sequence, t.kind, t.memo, t.reference_type, t.reference_id, t.created_at,
           coalesce(sum(p.amount) filter (where p.account_id = ${accounts.points_account_id}), 0) as points,
           coalesce(sum(p.amount) filter (where p.account_id = ${accounts.minutes_account_id}), 0) as minutes
      from ledger_postings p
      join ledger_transactions t on t.community_id = p.community_id and t.id = p.transaction_id
     where p.community_id = ${communityId}
       and p.account_id in (${accounts.points_account_id}, ${accounts.minutes_account_id})
       ${before === null ? sql`` : sql`and t.sequence < ${before}`}
     group by t.id, t.sequence, t.kind, t.memo, t.reference_type, t.reference_id, t.created_at
     order by t.sequence desc
     limit ${limit + 1}`.execute(db);
  const page = toPage(rows, limit, (row) => String(row.sequence));
  const describe = await describeReferences(db, communityId, page.items);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((row) => ({
      transactionId: row.id,
      kind: row.kind as TransactionKind,
      points: Number(row.points),
      minutes: Number(row.minutes),
      description: describe(row),
      createdAt: row.created_at.toISOString(),
    })),
  };
}

/**
 * Names what each entry was for: the activity of a service record, the reward
 * of a redemption, the goal of a donation (a reversal carries the reference of
 * what it reversed). One query per kind of reference for the whole page.
 */
async function describeReferences(
  db: Kysely<Database>,
  communityId: string,
  rows: EntryRow[],
): Promise<(row: EntryRow) => string> {
  const idsOf = (type: string) => [
    ...new Set(
      rows
        .filter((r) => r.reference_type === type && r.reference_id && UUID.test(r.reference_id))
        .map((r) => r.reference_id as string),
    ),
  ];
  const [services, redemptions, goals] = await Promise.all([
    lookup(idsOf('service_record'), (ids) =>
      db
        .selectFrom('service_records')
        .select(['id', 'activity_title as name'])
        .where('community_id', '=', communityId)
        .where('id', 'in', ids)
        .execute(),
    ),
    lookup(idsOf('redemption'), (ids) =>
      db
        .selectFrom('redemptions as d')
        .innerJoin('rewards as w', (join) =>
          join.onRef('w.community_id', '=', 'd.community_id').onRef('w.id', '=', 'd.reward_id'),
        )
        .select([
          'd.id',
          sql<string>`case when d.quantity > 1 then w.name || ' × ' || d.quantity else w.name end`.as(
            'name',
          ),
        ])
        .where('d.community_id', '=', communityId)
        .where('d.id', 'in', ids)
        .execute(),
    ),
    lookup(idsOf('goal'), (ids) =>
      db
        .selectFrom('goals')
        .select(['id', 'title as name'])
        .where('community_id', '=', communityId)
        .where('id', 'in', ids)
        .execute(),
    ),
  ]);
  const names = new Map([...services, ...redemptions, ...goals].map((r) => [r.id, r.name]));
  return (row) => (row.reference_id ? names.get(row.reference_id) : undefined) ?? row.memo;
}

async function lookup(
  ids: string[],
  query: (ids: string[]) => Promise<{ id: string; name: string }[]>,
): Promise<{ id: string; name: string }[]> {
  return ids.length === 0 ? [] : query(ids);
}
