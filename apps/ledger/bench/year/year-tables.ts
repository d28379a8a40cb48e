import type { Database } from '@tally/db/schema';
import { type Kysely, sql } from 'kysely';
import type { StoredAccount } from '../../src/ledger/anchoring/seals';
import { type BulkTable, populate } from './bulk-rows';

/**
 * How each table the year fills takes its rows. Transactions go in one batch at a time, in
 * sequence order (a reversal's foreign key needs the transaction it reverses); their postings,
 * and the rows that name a transaction, once the batch holding it is in; the audit log in order,
 * so its ids follow time.
 */
export function yearTables(communityId: string): Record<string, BulkTable> {
  return {
    ledger_transactions: {
      inOrder: true,
      statement: (rows) => sql`
        insert into ledger_transactions (community_id, id, sequence, kind, actor_type, actor_id,
          actor_origin, memo, reference_type, reference_id, reverses, idempotency_key,
          request_hash, created_at, prev_hash, hash, seal)
        select ${communityId}, id, sequence, kind, actor_type, actor_id, actor_origin, memo,
          reference_type, reference_id, reverses, idempotency_key, request_hash, created_at,
          prev_hash, hash, seal
          from json_to_recordset(${rows}::json) as r (id uuid, sequence bigint, kind text,
            actor_type text, actor_id text, actor_origin text, memo text, reference_type text,
            reference_id text, reverses uuid, idempotency_key text, request_hash text,
            created_at timestamptz, prev_hash bytea, hash bytea, seal bytea)
         order by sequence`,
    },
    ledger_postings: {
      after: 'ledger_transactions',
      statement: (rows) => sql`
        insert into ledger_postings (community_id, transaction_id, position, account_id, unit, amount)
        select ${communityId}, r.id, p.ord::smallint, (p.item ->> 0)::uuid, p.item ->> 1,
          (p.item ->> 2)::bigint
          from json_to_recordset(${rows}::json) as r (id uuid, postings json)
         cross join lateral json_array_elements(r.postings) with ordinality as p (item, ord)`,
    },
    service_records: {
      after: 'ledger_transactions',
      statement: populate('service_records', [
        'community_id',
        'id',
        'organization_id',
        'resident_id',
        'activity_title',
        'category',
        'place',
        'started_at',
        'minutes',
        'note',
        'status',
        'logged_by',
        'logged_at',
        'reviewed_by',
        'reviewed_at',
        'review_reason',
        'rule_version',
        'points',
        'first_participation_bonus',
        'transaction_id',
      ]),
    },
    redemptions: {
      after: 'ledger_transactions',
      statement: populate('redemptions', [
        'community_id',
        'id',
        'reward_id',
        'resident_id',
        'kiosk_id',
        'quantity',
        'points',
        'pickup_code',
        'status',
        'transaction_id',
        'created_at',
        'fulfilled_at',
        'cancelled_at',
        'cancel_reason',
        'cancel_transaction_id',
      ]),
    },
    audit_log: {
      inOrder: true,
      statement: populate('audit_log', [
        'community_id',
        'at',
        'actor_type',
        'actor_id',
        'action',
        'target_type',
        'target_id',
        'origin',
        'details',
      ]),
    },
    idempotent_requests: {
      statement: populate('idempotent_requests', [
        'community_id',
        'key',
        'operation',
        'request_hash',
        'response',
        'created_at',
      ]),
    },
    kiosk_sessions: {
      statement: populate('kiosk_sessions', [
        'token_hash',
        'community_id',
        'kiosk_id',
        'resident_id',
        'created_at',
        'last_seen_at',
        'ended_at',
      ]),
    },
  };
}

/** The community's accounts as stored, and its chain's genesis link. */
export async function ledgerStart(db: Kysely<Database>, communityId: string) {
  const accounts = await db
    .selectFrom('ledger_accounts')
    .select(['id', 'unit', 'owner_type', 'owner_id', 'min_balance'])
    .where('community_id', '=', communityId)
    .execute();
  const chain = await db
    .selectFrom('ledger_chains')
    .select('head_hash')
    .where('community_id', '=', communityId)
    .executeTakeFirstOrThrow();
  return {
    accounts: new Map<string, StoredAccount>(accounts.map((account) => [account.id, account])),
    genesis: Buffer.from(chain.head_hash),
  };
}

/**
 * The chain's head and every balance as the postings add up: what tally_post_transaction keeps
 * one posting at a time, set once at the end.
 */
export async function settleLedger(
  db: Kysely<Database>,
  { communityId, sequence, headHash }: { communityId: string; sequence: number; headHash: Buffer },
): Promise<void> {
  await sql`
    update ledger_chains set head_sequence = ${sequence}, head_hash = ${headHash}
     where community_id = ${communityId}`.execute(db);
  await sql`
    update ledger_accounts a set balance = s.total
      from (select account_id, sum(amount) as total from ledger_postings
             where community_id = ${communityId} group by account_id) s
     where a.community_id = ${communityId} and a.id = s.account_id`.execute(db);
}
