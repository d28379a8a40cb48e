import { type Kysely, sql } from 'kysely';

// Frozen. Staff accounts get a whole life cycle: user names unique per community
// (a log-in finds every account of that name), passwords that must be changed after
// a reset and may not be reused, sign-in tries counted per account and source before
// the password is checked, sessions that say when and from where they were used, and
// who controls an account (opened it or reset its password) until a second office
// member confirms it, for maker–checker.

async function run(db: Kysely<any>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await run(db, [
    // A name taken in one community must not be refused (and so revealed) in another.
    'alter table staff_users drop constraint staff_users_username_key',
    `
    alter table staff_users
      add constraint staff_users_community_username_key unique (community_id, username)
    `,
    // A log-in names no community: it looks the name up across all of them.
    'create index staff_users_username on staff_users (username)',
    `
    -- Set by a reset: the temporary password only lets its holder choose a new one.
    alter table staff_users add column must_change_password boolean not null default false
    `,
    `
    -- failed_logins and locked_until now count every sign-in try against the account from
    -- all sources (the backstop); this is when the current count began.
    alter table staff_users add column failed_logins_since timestamptz
    `,
    `
    -- Sign-in tries against one account from one source (the request's origin), counted
    -- before the password is checked; enough of them lock the account from that source.
    create table staff_login_tries (
      community_id uuid not null,
      staff_id uuid not null,
      source text not null,
      tries int not null check (tries >= 0),
      window_started_at timestamptz not null default now(),
      locked_until timestamptz,
      primary key (community_id, staff_id, source),
      foreign key (community_id, staff_id) references staff_users (community_id, id)
    )
    `,
    `
    -- Hashes of passwords an account used before, so a new one cannot repeat them.
    create table staff_password_history (
      community_id uuid not null,
      staff_id uuid not null,
      password_hash text not null,
      replaced_at timestamptz not null default now(),
      primary key (community_id, staff_id, password_hash),
      foreign key (community_id, staff_id) references staff_users (community_id, id)
    )
    `,
    `
    -- Who knew an account's password because they opened it or reset it, until another
    -- office member (or the command line) confirms the account: for maker–checker.
    create table staff_controllers (
      community_id uuid not null,
      staff_id uuid not null,
      controller_id uuid not null,
      since timestamptz not null default now(),
      primary key (community_id, staff_id, controller_id),
      foreign key (community_id, staff_id) references staff_users (community_id, id),
      foreign key (community_id, controller_id) references staff_users (community_id, id),
      check (staff_id <> controller_id)
    )
    `,
    `
    -- Sessions get an id to be listed and revoked by (never the token's hash), and say
    -- where they were started from, and when and from where they were last used.
    alter table staff_sessions add column id uuid not null default gen_random_uuid()
    `,
    'alter table staff_sessions add constraint staff_sessions_id_key unique (id)',
    'alter table staff_sessions add column last_seen_at timestamptz not null default now()',
    'alter table staff_sessions add column origin text',
    'alter table staff_sessions add column last_origin text',
    'update staff_sessions set last_seen_at = created_at',
    'create index staff_sessions_staff on staff_sessions (community_id, staff_id)',
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await run(db, [
    'drop index staff_sessions_staff',
    'alter table staff_sessions drop column last_origin',
    'alter table staff_sessions drop column origin',
    'alter table staff_sessions drop column last_seen_at',
    'alter table staff_sessions drop column id',
    'drop table staff_controllers',
    'drop table staff_password_history',
    'drop table staff_login_tries',
    'alter table staff_users drop column failed_logins_since',
    'alter table staff_users drop column must_change_password',
    'drop index staff_users_username',
    'alter table staff_users drop constraint staff_users_community_username_key',
    // Fails if two communities now use the same name; rename one of them first.
    'alter table staff_users add constraint staff_users_username_key unique (username)',
  ]);
}
