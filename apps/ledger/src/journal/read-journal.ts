import type { Database } from '@tally/db/schema';
import { DomainError } from '@tally/domain/errors';
import type { JournalEntry } from '@tally/domain/ledger';
import { type Kysely, sql } from 'kysely';
import { decodeSequenceCursor, toSequencePage } from '../common/pages';
import { type TransactionRow, transactionFields } from '../ledger/read-transactions';
import { describeEntries } from './describe-entries';

export type JournalFilter = {
  communityId: string;
  limit: number;
  cursor?: string | undefined;
  residentId?: string | undefined;
  kind?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

/**
 * The journal, newest first, paged by sequence number. Every filter is served
 * by an index (sequence, kind+sequence, created_at, postings by account), so a
 * page stays fast on a journal of millions of entries.
 */
export async function readJournal(db: Kysely<Database>, filter: JournalFilter) {
  const { communityId, limit } = filter;
  let query = db
    .selectFrom('ledger_transactions as t')
    .selectAll('t')
    .where('t.community_id', '=', communityId)
    .orderBy('t.sequence', 'desc')
    .limit(limit + 1);
  if (filter.cursor) query = query.where('t.sequence', '<', decodeSequenceCursor(filter.cursor));
  if (filter.kind) query = query.where('t.kind', '=', filter.kind);
  if (filter.from) query = query.where('t.created_at', '>=', new Date(filter.from));
  if (filter.to) query = query.where('t.created_at', '<', new Date(filter.to));
  if (filter.residentId) {
    const residentId = filter.residentId;
    query = query.where('t.id', 'in', (eb) =>
      eb
        .selectFrom('ledger_postings as p')
        .innerJoin('residents as r', (join) =>
          join
            .onRef('r.community_id', '=', 'p.community_id')
            .on((on) =>
              on.or([
                on('r.points_account_id', '=', on.ref('p.account_id')),
                on('r.minutes_account_id', '=', on.ref('p.account_id')),
              ]),
            ),
        )
        .select('p.transaction_id')
        .where('p.community_id', '=', communityId)
        .where('r.id', '=', residentId),
    );
  }
  const rows = await query.execute();
  const page = toSequencePage(rows, limit, (row) => row.sequence);
  const entries = await withPostings(db, communityId, page.items);
  return { items: entries, nextCursor: page.nextCursor };
}

export async function readJournalEntry(
  db: Kysely<Database>,
  communityId: string,
  transactionId: string,
): Promise<JournalEntry> {
  const row = await db
    .selectFrom('ledger_transactions')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', transactionId)
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', 'That transaction could not be found.');
  const [entry] = await withPostings(db, communityId, [row]);
  if (!entry) throw new DomainError('NOT_FOUND');
  return entry;
}

type JournalRow = TransactionRow & { prev_hash: Uint8Array };

type PostingRow = {
  transaction_id: string;
  account_id: string;
  unit: 'minutes' | 'points';
  amount: number;
  owner_type: string;
  owner_id: string | null;
  owner_name_zh: string | null;
  owner_name_en: string | null;
};

/** Loads the postings (with whose account each touched) for a page of transactions in one query. */
async function withPostings(
  db: Kysely<Database>,
  communityId: string,
  rows: JournalRow[],
): Promise<JournalEntry[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const { rows: postings } = await sql<PostingRow>`
    select p.transaction_id, p.account_id, p.unit, p.amount, a.owner_type, a.owner_id,
           coalesce(r.display_name, g.title_zh, o.name_zh) as owner_name_zh,
           coalesce(r.display_name, g.title_en, o.name_en) as owner_name_en
      from ledger_postings p
      join ledger_accounts a on a.community_id = p.community_id and a.id = p.account_id
      left join residents r on a.owner_type = 'resident'
        and r.community_id = a.community_id and r.id = a.owner_id::uuid
      left join goals g on a.owner_type = 'goal_pool'
        and g.community_id = a.community_id and g.id = a.owner_id::uuid
      left join communities o on a.owner_type in ('community_source', 'redemption_sink')
        and o.id = a.owner_id::uuid
     where p.community_id = ${communityId} and p.transaction_id in (${sql.join(ids)})
     order by p.transaction_id, p.position`.execute(db);
  const reversals = await db
    .selectFrom('ledger_transactions')
    .select(['id', 'reverses'])
    .where('community_id', '=', communityId)
    .where('reverses', 'in', ids)
    .execute();
  const actorNames = await namesOfActors(db, communityId, rows);
  const describe = await describeEntries(db, communityId, rows);
  return rows.map((row) => ({
    ...transactionFields(row),
    description: describe(row),
    actorName: actorNames.get(`${row.actor_type}:${row.actor_id}`) ?? null,
    reversedBy: reversals.find((r) => r.reverses === row.id)?.id ?? null,
    prevHash: Buffer.from(row.prev_hash).toString('hex'),
    postings: postings
      .filter((p) => p.transaction_id === row.id)
      .map((p) => ({
        accountId: p.account_id,
        unit: p.unit,
        amount: p.amount,
        ownerType: p.owner_type as JournalEntry['postings'][number]['ownerType'],
        ownerId: p.owner_id,
        ownerName:
          p.owner_name_zh === null && p.owner_name_en === null
            ? null
            : { zh: p.owner_name_zh ?? '', en: p.owner_name_en ?? '' },
      })),
  }));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Display names of the staff, kiosks and residents who caused these transactions. */
async function namesOfActors(
  db: Kysely<Database>,
  communityId: string,
  rows: { actor_type: string; actor_id: string }[],
): Promise<Map<string, string>> {
  const idsOf = (type: string) => [
    ...new Set(
      rows.filter((r) => r.actor_type === type && UUID.test(r.actor_id)).map((r) => r.actor_id),
    ),
  ];
  const names = new Map<string, string>();
  const lookups = [
    { type: 'staff', table: 'staff_users', column: 'display_name' },
    { type: 'kiosk', table: 'kiosks', column: 'name' },
    { type: 'resident', table: 'residents', column: 'display_name' },
  ] as const;
  for (const { type, table, column } of lookups) {
    const ids = idsOf(type);
    if (ids.length === 0) continue;
    const found = await db
      .selectFrom(table)
      .select(['id', `${column} as name`])
      .where('community_id', '=', communityId)
      .where('id', 'in', ids)
      .execute();
    for (const row of found) names.set(`${type}:${row.id}`, row.name);
  }
  return names;
}
