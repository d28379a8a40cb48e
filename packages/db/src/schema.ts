import type { ColumnType, Generated } from 'kysely';

// Kysely's view of the tables. Rows are mapped to domain types at the edge of
// the data layer; these types never leak past it.

type Timestamp = ColumnType<Date, Date | string | undefined, never>;
/** Journal columns are written once and never updated (the database refuses). */
type Frozen<T> = ColumnType<T, T, never>;

export type CommunitiesTable = {
  id: string;
  name: string;
  created_at: Timestamp;
};

export type LedgerChainsTable = {
  community_id: string;
  head_sequence: Generated<number>;
  head_hash: Uint8Array;
};

export type LedgerAccountsTable = {
  community_id: string;
  id: string;
  unit: 'minutes' | 'points';
  owner_type: string;
  owner_id: string | null;
  min_balance: number | null;
  /** Changed only by tally_post_transaction. */
  balance: Generated<number>;
  created_at: Timestamp;
};

export type LedgerTransactionsTable = {
  community_id: Frozen<string>;
  id: Frozen<string>;
  sequence: Frozen<number>;
  kind: Frozen<string>;
  actor_type: Frozen<string>;
  actor_id: Frozen<string>;
  actor_origin: Frozen<string | null>;
  memo: Frozen<string>;
  reference_type: Frozen<string | null>;
  reference_id: Frozen<string | null>;
  reverses: Frozen<string | null>;
  idempotency_key: Frozen<string>;
  request_hash: Frozen<string>;
  created_at: Frozen<Date>;
  prev_hash: Frozen<Uint8Array>;
  hash: Frozen<Uint8Array>;
};

export type LedgerPostingsTable = {
  community_id: Frozen<string>;
  transaction_id: Frozen<string>;
  position: Frozen<number>;
  account_id: Frozen<string>;
  unit: Frozen<'minutes' | 'points'>;
  amount: Frozen<number>;
};

export type Database = {
  communities: CommunitiesTable;
  ledger_chains: LedgerChainsTable;
  ledger_accounts: LedgerAccountsTable;
  ledger_transactions: LedgerTransactionsTable;
  ledger_postings: LedgerPostingsTable;
};
