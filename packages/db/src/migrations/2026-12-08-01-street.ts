import { type Kysely, sql } from 'kysely';

// Frozen. Street level (issue 17). A street (街道) holds communities; a `street` staff account
// reads every community of its street (its session names the one it reads now) and opens or
// closes communities, but never logs or approves service. A street account is kept in one
// community like every staff account (so it shards with it) and names its street.
//
// A resident moving house is one `resident_moves` row in the community they leave. Its two
// halves are two ledger transactions, one in each community's chain, keyed by the move: the
// first moves their points and time credit into the leaving community's clearing accounts, the
// second out of the receiving community's clearing accounts onto their new record (a resident
// with nothing to move has no transactions, only the record). The row's
// status says how far it got (`sending` between the halves), so whoever picks it up again
// finishes it exactly once. The receiving community's rows are named without foreign keys
// (another community's data may live on another shard).

async function run(db: Kysely<any>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await run(db, [
    `
    create table streets (
      id uuid primary key,
      name_zh text not null default '' check (length(name_zh) <= 100),
      name_en text not null default '' check (length(name_en) <= 100),
      created_at timestamptz not null default now(),
      check (name_zh <> '' or name_en <> '')
    )`,
    'alter table communities add column street_id uuid references streets (id)',
    'alter table communities add column active boolean not null default true',
    'alter table communities add column closed_at timestamptz',
    'create index communities_street on communities (street_id)',
    'alter table staff_users drop constraint staff_users_role_check',
    `alter table staff_users add constraint staff_users_role_check
       check (role in ('office', 'leader', 'auditor', 'street'))`,
    'alter table staff_users add column street_id uuid references streets (id)',
    `alter table staff_users add constraint staff_users_street_role
       check ((role = 'street') = (street_id is not null))`,
    'alter table staff_sessions add column viewing_community_id uuid references communities (id)',
    'alter table residents add column moved_at timestamptz',
    'alter table residents add column moved_to uuid references communities (id)',
    `
    create table resident_moves (
      community_id uuid not null references communities (id),
      id uuid not null,
      resident_id uuid not null,
      to_community_id uuid not null references communities (id),
      status text not null default 'proposed'
        check (status in ('proposed', 'sending', 'done', 'declined', 'cancelled')),
      note text check (length(note) between 1 and 500),
      proposed_by uuid not null,
      proposed_at timestamptz not null default now(),
      decided_by uuid,
      decided_by_name text,
      decided_at timestamptz,
      decided_origin text,
      decline_reason text check (length(decline_reason) between 1 and 500),
      building text check (length(building) between 1 and 50),
      points bigint,
      time_credit bigint,
      minutes_served bigint,
      service_records integer,
      first_service_at timestamptz,
      last_service_at timestamptz,
      out_transaction_id uuid,
      new_resident_id uuid,
      new_card_number text,
      in_transaction_id uuid,
      arrived_at timestamptz,
      primary key (community_id, id),
      foreign key (community_id, resident_id) references residents (community_id, id),
      foreign key (community_id, proposed_by) references staff_users (community_id, id),
      foreign key (community_id, out_transaction_id)
        references ledger_transactions (community_id, id),
      check (to_community_id <> community_id)
    )`,
    `create unique index resident_moves_open on resident_moves (community_id, resident_id)
       where status in ('proposed', 'sending')`,
    'create index resident_moves_incoming on resident_moves (to_community_id, proposed_at)',
  ]);
}
