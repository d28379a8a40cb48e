import { type Kysely, sql } from 'kysely';

// Frozen. The community programme around the ledger: people, organizations,
// devices, service records, rules, rewards, goals and the audit log. Every
// table's keys lead with community_id (the tenant and future distribution key).

async function run(db: Kysely<any>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await run(db, [
    `
    -- Days (daily caps, "this month") are the community's own days.
    alter table communities add column time_zone text not null default 'Asia/Shanghai'
    `,
    `
    create table staff_users (
      community_id uuid not null references communities (id),
      id uuid not null,
      -- Log-in names are unique across communities: a log-in does not name its community.
      username text not null unique check (username ~ '^[a-z0-9._-]{3,40}$'),
      display_name text not null,
      role text not null check (role in ('office', 'leader', 'auditor')),
      password_hash text not null,
      failed_logins int not null default 0,
      locked_until timestamptz,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      primary key (community_id, id)
    )
    `,
    `
    create table staff_sessions (
      token_hash text primary key,
      community_id uuid not null,
      staff_id uuid not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ended_at timestamptz,
      foreign key (community_id, staff_id) references staff_users (community_id, id)
    )
    `,
    `
    create table organizations (
      community_id uuid not null references communities (id),
      id uuid not null,
      name text not null,
      description text not null default '',
      created_at timestamptz not null default now(),
      primary key (community_id, id),
      unique (community_id, name)
    )
    `,
    `
    create table organization_leaders (
      community_id uuid not null,
      organization_id uuid not null,
      staff_id uuid not null,
      primary key (community_id, organization_id, staff_id),
      foreign key (community_id, organization_id) references organizations (community_id, id),
      foreign key (community_id, staff_id) references staff_users (community_id, id)
    )
    `,
    `
    create table residents (
      community_id uuid not null references communities (id),
      id uuid not null,
      name text not null,
      display_name text not null,
      -- Whether the resident agreed to be named on public screens (kiosk, poster).
      show_name boolean not null default false,
      birth_year int check (birth_year between 1900 and 2100),
      building text,
      card_number text not null,
      pin_hash text not null,
      pin_failures int not null default 0,
      card_locked_until timestamptz,
      card_issued_at timestamptz not null default now(),
      points_account_id uuid not null,
      minutes_account_id uuid not null,
      created_at timestamptz not null default now(),
      primary key (community_id, id),
      unique (community_id, card_number),
      foreign key (community_id, points_account_id) references ledger_accounts (community_id, id),
      foreign key (community_id, minutes_account_id) references ledger_accounts (community_id, id)
    )
    `,
    `
    create index residents_name on residents (community_id, lower(name))
    `,
    `
    create table organization_members (
      community_id uuid not null,
      organization_id uuid not null,
      resident_id uuid not null,
      joined_at timestamptz not null default now(),
      primary key (community_id, organization_id, resident_id),
      foreign key (community_id, organization_id) references organizations (community_id, id),
      foreign key (community_id, resident_id) references residents (community_id, id)
    )
    `,
    `
    create index organization_members_resident on organization_members (community_id, resident_id)
    `,
    `
    create table kiosks (
      community_id uuid not null references communities (id),
      id uuid not null,
      name text not null,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      revoked_at timestamptz,
      primary key (community_id, id)
    )
    `,
    `
    create table kiosk_sessions (
      token_hash text primary key,
      community_id uuid not null,
      kiosk_id uuid not null,
      resident_id uuid not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      ended_at timestamptz,
      foreign key (community_id, kiosk_id) references kiosks (community_id, id),
      foreign key (community_id, resident_id) references residents (community_id, id)
    )
    `,
    `
    create table earning_rules (
      community_id uuid not null references communities (id),
      version int not null check (version > 0),
      terms jsonb not null,
      published_at timestamptz not null default now(),
      published_by uuid,
      primary key (community_id, version)
    )
    `,
    `
    create table service_records (
      community_id uuid not null,
      id uuid not null,
      organization_id uuid not null,
      resident_id uuid not null,
      activity_title text not null,
      category text not null,
      place text not null,
      started_at timestamptz not null,
      minutes int not null check (minutes between 1 and 1440),
      note text not null default '',
      status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
      logged_by uuid not null,
      logged_at timestamptz not null default now(),
      reviewed_by uuid,
      reviewed_at timestamptz,
      review_reason text,
      rule_version int,
      points int,
      transaction_id uuid,
      primary key (community_id, id),
      foreign key (community_id, organization_id) references organizations (community_id, id),
      foreign key (community_id, resident_id) references residents (community_id, id),
      foreign key (community_id, logged_by) references staff_users (community_id, id),
      foreign key (community_id, transaction_id) references ledger_transactions (community_id, id),
      -- Maker-checker, held by the database too.
      check (reviewed_by is null or reviewed_by <> logged_by),
      check (status <> 'rejected' or length(coalesce(review_reason, '')) > 0)
    )
    `,
    `
    create index service_records_status on service_records (community_id, status, logged_at)
    `,
    `
    create index service_records_resident on service_records (community_id, resident_id, started_at)
    `,
    `
    create index service_records_organization on service_records (community_id, organization_id, logged_at)
    `,
    `
    create table rewards (
      community_id uuid not null references communities (id),
      id uuid not null,
      name text not null,
      description text not null default '',
      kind text not null default 'goods' check (kind in ('goods', 'service', 'privilege')),
      points int not null check (points > 0),
      -- No oversell: the database refuses a negative stock whatever the code does.
      stock int not null check (stock >= 0),
      per_resident_limit int check (per_resident_limit > 0),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (community_id, id)
    )
    `,
    `
    create table reward_changes (
      community_id uuid not null,
      id uuid not null,
      reward_id uuid not null,
      changed_by uuid not null,
      changed_at timestamptz not null default now(),
      before jsonb,
      after jsonb not null,
      primary key (community_id, id),
      foreign key (community_id, reward_id) references rewards (community_id, id)
    )
    `,
    `
    create table redemptions (
      community_id uuid not null,
      id uuid not null,
      reward_id uuid not null,
      resident_id uuid not null,
      kiosk_id uuid,
      quantity int not null check (quantity > 0),
      points int not null check (points > 0),
      pickup_code text not null,
      status text not null default 'issued' check (status in ('issued', 'fulfilled', 'cancelled')),
      transaction_id uuid not null,
      created_at timestamptz not null default now(),
      fulfilled_at timestamptz,
      cancelled_at timestamptz,
      cancel_reason text,
      cancel_transaction_id uuid,
      primary key (community_id, id),
      unique (community_id, pickup_code),
      foreign key (community_id, reward_id) references rewards (community_id, id),
      foreign key (community_id, resident_id) references residents (community_id, id),
      foreign key (community_id, transaction_id) references ledger_transactions (community_id, id)
    )
    `,
    `
    create index redemptions_resident on redemptions (community_id, resident_id, reward_id)
    `,
    `
    create table goals (
      community_id uuid not null references communities (id),
      id uuid not null,
      title text not null,
      description text not null default '',
      target_points int not null check (target_points > 0),
      status text not null default 'open' check (status in ('open', 'closed')),
      account_id uuid not null,
      created_at timestamptz not null default now(),
      closed_at timestamptz,
      primary key (community_id, id),
      foreign key (community_id, account_id) references ledger_accounts (community_id, id)
    )
    `,
    `
    create table idempotent_requests (
      community_id uuid not null references communities (id),
      key text not null,
      operation text not null,
      request_hash text not null,
      response jsonb not null,
      created_at timestamptz not null default now(),
      primary key (community_id, key)
    )
    `,
    `
    create table audit_log (
      community_id uuid not null references communities (id),
      id bigint generated always as identity,
      at timestamptz not null default now(),
      actor_type text not null,
      actor_id text,
      action text not null,
      target_type text,
      target_id text,
      origin text,
      details jsonb not null default '{}',
      primary key (community_id, id)
    )
    `,
    `
    create index audit_log_actor on audit_log (community_id, actor_id, id)
    `,
    `
    create index audit_log_action on audit_log (community_id, action, id)
    `,
    `
    create trigger audit_log_append_only
      before update or delete on audit_log
      for each row execute function tally_refuse_journal_change()
    `,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await run(
    db,
    [
      'audit_log',
      'idempotent_requests',
      'goals',
      'redemptions',
      'reward_changes',
      'rewards',
      'service_records',
      'earning_rules',
      'kiosk_sessions',
      'kiosks',
      'organization_members',
      'residents',
      'organization_leaders',
      'organizations',
      'staff_sessions',
      'staff_users',
    ]
      .map((table) => `drop table ${table}`)
      .concat('alter table communities drop column time_zone'),
  );
}
