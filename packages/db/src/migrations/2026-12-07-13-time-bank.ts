import { type Kysely, sql } from 'kysely';

// Frozen. The mutual-aid time bank (issue 16): requests for help and offers, each helper's
// claim on a request, the care pool's rule and list. Time credit is the ledger's third unit:
// residents' time-credit accounts, the community's care pool and its time-credit source are
// opened by the service when first needed (their identities are sealed by the service's key,
// which a migration does not hold). The posting function names the shortfall of time credit
// INSUFFICIENT_CREDIT.
//
// A claim is one helper's part in one request, keyed by both: a helper claims a request once.
// A confirmed claim names its ledger transaction; the transaction's idempotency key is made from
// the claim, so an exchange can be posted once only, whoever retries.

async function run(db: Kysely<any>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

const POST_FUNCTION =
  'tally_post_transaction(uuid, uuid, text, text, text, text, text, text, text, text, text, uuid, uuid[], bigint[], bytea)';
const UNIT_ERROR = `case acc.unit when 'points' then 'INSUFFICIENT_POINTS' else 'INSUFFICIENT_MINUTES' end`;
const UNIT_ERROR_WITH_CREDIT = `case acc.unit when 'points' then 'INSUFFICIENT_POINTS' when 'time_credit' then 'INSUFFICIENT_CREDIT' else 'INSUFFICIENT_MINUTES' end`;

/** The posting function as it stands, with its shortfall error changed: nothing else moves. */
async function rewordShortfall(db: Kysely<any>, from: string, to: string): Promise<void> {
  const { rows } = await sql<{ definition: string }>`
    select pg_get_functiondef(${POST_FUNCTION}::regprocedure) as definition`.execute(db);
  const definition = rows[0]?.definition ?? '';
  if (!definition.includes(from)) {
    throw new Error('time bank migration: the posting function is not the one it expects');
  }
  await sql.raw(definition.replace(from, to)).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await run(db, [
    'alter table ledger_accounts drop constraint ledger_accounts_unit_check',
    `alter table ledger_accounts add constraint ledger_accounts_unit_check
       check (unit in ('minutes', 'points', 'time_credit'))`,
    'alter table ledger_postings drop constraint ledger_postings_unit_check',
    `alter table ledger_postings add constraint ledger_postings_unit_check
       check (unit in ('minutes', 'points', 'time_credit'))`,
  ]);
  await rewordShortfall(db, UNIT_ERROR, UNIT_ERROR_WITH_CREDIT);
  await run(db, [
    `
    create table help_requests (
      community_id uuid not null references communities (id),
      id uuid not null,
      resident_id uuid not null,
      kind text not null check (kind in
        ('hospital', 'shopping', 'repairs', 'visit', 'tech', 'other')),
      description text not null default '' check (length(description) <= 500),
      needed_at timestamptz,
      place text check (length(place) between 1 and 100),
      minutes_estimate integer not null check (minutes_estimate between 5 and 1440),
      helpers_needed smallint not null default 1 check (helpers_needed between 1 and 5),
      status text not null default 'open' check (status in ('open', 'claimed', 'done', 'cancelled')),
      via text not null check (via in ('kiosk', 'phone', 'office')),
      requested_by_staff uuid,
      reason text check (length(reason) between 1 and 500),
      show_on_board boolean not null default false,
      cancel_reason text check (length(cancel_reason) <= 500),
      cancelled_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (community_id, id),
      foreign key (community_id, resident_id) references residents (community_id, id),
      foreign key (community_id, requested_by_staff) references staff_users (community_id, id),
      check ((via = 'office') = (requested_by_staff is not null and reason is not null)),
      check ((status = 'cancelled') = (cancelled_at is not null))
    )
    `,
    'create index help_requests_created on help_requests (community_id, created_at desc, id desc)',
    'create index help_requests_status on help_requests (community_id, status, created_at desc)',
    'create index help_requests_resident on help_requests (community_id, resident_id)',
    `
    create table help_claims (
      community_id uuid not null,
      request_id uuid not null,
      helper_id uuid not null,
      status text not null default 'claimed' check (status in ('claimed', 'proposed',
        'confirmed', 'disputed', 'withdrawn', 'no_show', 'dismissed', 'reversed')),
      show_on_board boolean not null default false,
      proposed_minutes integer check (proposed_minutes between 5 and 1440),
      minutes integer check (minutes between 5 and 1440),
      pool_minutes integer check (pool_minutes >= 0),
      points_earned integer check (points_earned >= 0),
      transaction_id uuid,
      reversal_id uuid,
      dispute_reason text check (length(dispute_reason) between 1 and 500),
      disputed_by text check (disputed_by in ('requester', 'helper')),
      resolution text check (length(resolution) between 1 and 500),
      claimed_at timestamptz not null default now(),
      settled_at timestamptz,
      primary key (community_id, request_id, helper_id),
      foreign key (community_id, request_id) references help_requests (community_id, id),
      foreign key (community_id, helper_id) references residents (community_id, id),
      foreign key (community_id, transaction_id) references ledger_transactions (community_id, id),
      foreign key (community_id, reversal_id) references ledger_transactions (community_id, id),
      check ((status in ('confirmed', 'reversed')) = (transaction_id is not null)),
      check ((transaction_id is null) = (minutes is null)),
      check ((status = 'reversed') = (reversal_id is not null)),
      check ((dispute_reason is null) = (disputed_by is null))
    )
    `,
    'create index help_claims_helper on help_claims (community_id, helper_id, claimed_at desc)',
    'create index help_claims_status on help_claims (community_id, status)',
    `
    create table help_offers (
      community_id uuid not null references communities (id),
      id uuid not null,
      resident_id uuid not null,
      kind text not null check (kind in
        ('hospital', 'shopping', 'repairs', 'visit', 'tech', 'other')),
      description text not null default '' check (length(description) <= 500),
      available text check (length(available) between 1 and 100),
      status text not null default 'open' check (status in ('open', 'withdrawn')),
      created_at timestamptz not null default now(),
      withdrawn_at timestamptz,
      primary key (community_id, id),
      foreign key (community_id, resident_id) references residents (community_id, id),
      check ((status = 'withdrawn') = (withdrawn_at is not null))
    )
    `,
    'create index help_offers_created on help_offers (community_id, created_at desc, id desc)',
    `
    create table care_pool_rules (
      community_id uuid primary key references communities (id),
      min_age smallint check (min_age between 50 and 120),
      updated_by uuid not null,
      updated_at timestamptz not null default now(),
      foreign key (community_id, updated_by) references staff_users (community_id, id)
    )
    `,
    `
    create table care_list (
      community_id uuid not null,
      resident_id uuid not null,
      note text not null default '' check (length(note) <= 500),
      added_by uuid not null,
      added_at timestamptz not null default now(),
      primary key (community_id, resident_id),
      foreign key (community_id, resident_id) references residents (community_id, id),
      foreign key (community_id, added_by) references staff_users (community_id, id)
    )
    `,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await run(db, [
    'drop table care_list',
    'drop table care_pool_rules',
    'drop table help_offers',
    'drop table help_claims',
    'drop table help_requests',
  ]);
  await rewordShortfall(db, UNIT_ERROR_WITH_CREDIT, UNIT_ERROR);
  await run(db, [
    'alter table ledger_postings drop constraint ledger_postings_unit_check',
    `alter table ledger_postings add constraint ledger_postings_unit_check
       check (unit in ('minutes', 'points'))`,
    'alter table ledger_accounts drop constraint ledger_accounts_unit_check',
    `alter table ledger_accounts add constraint ledger_accounts_unit_check
       check (unit in ('minutes', 'points'))`,
  ]);
}
