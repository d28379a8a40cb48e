import { type Kysely, sql } from 'kysely';

// Frozen. The resident app on the phone (issue 14): residents sign in without a kiosk, and
// family members the office registers sign in to act for an elderly resident who linked them
// (or whom the office linked for them, with a reason). Every phone session is listed and
// revocable; what a proxy does is marked with the session it was done in.

async function run(db: Kysely<any>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await run(db, [
    `
    -- Someone who is not a resident of the community (an adult child living elsewhere) and acts
    -- for one. Signs in with their phone number and a PIN of their own.
    create table family_members (
      community_id uuid not null references communities (id),
      id uuid not null,
      name text not null check (length(name) between 1 and 100),
      phone text not null check (phone ~ '^\\+?[0-9]{5,20}$'),
      pin_hash text not null,
      registered_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (community_id, id),
      unique (community_id, phone),
      foreign key (community_id, registered_by) references staff_users (community_id, id)
    )
    `,
    `
    -- Who may act for a resident: another resident or a family member. Removing a link keeps
    -- its row (the audit log and the resident's history still name the proxy).
    create table resident_proxies (
      community_id uuid not null,
      id uuid not null,
      resident_id uuid not null,
      proxy_resident_id uuid,
      family_member_id uuid,
      added_by text not null check (added_by in ('resident', 'office')),
      added_by_staff uuid,
      reason text check (length(reason) between 1 and 200),
      created_at timestamptz not null default now(),
      removed_at timestamptz,
      primary key (community_id, id),
      foreign key (community_id, resident_id) references residents (community_id, id),
      foreign key (community_id, proxy_resident_id) references residents (community_id, id),
      foreign key (community_id, family_member_id) references family_members (community_id, id),
      foreign key (community_id, added_by_staff) references staff_users (community_id, id),
      check ((proxy_resident_id is null) <> (family_member_id is null)),
      check (proxy_resident_id is distinct from resident_id),
      check ((added_by = 'office') = (added_by_staff is not null and reason is not null))
    )
    `,
    `
    create unique index resident_proxies_live_resident
      on resident_proxies (community_id, resident_id, proxy_resident_id)
      where removed_at is null and proxy_resident_id is not null
    `,
    `
    create unique index resident_proxies_live_family
      on resident_proxies (community_id, resident_id, family_member_id)
      where removed_at is null and family_member_id is not null
    `,
    `
    create index resident_proxies_proxy_resident
      on resident_proxies (community_id, proxy_resident_id) where removed_at is null
    `,
    `
    create index resident_proxies_family
      on resident_proxies (community_id, family_member_id) where removed_at is null
    `,
    `
    -- A phone signed in: by a resident (resident_id) or a family member (family_member_id),
    -- acting for acting_for (the resident themself, or one they are a proxy for).
    create table phone_sessions (
      token_hash text primary key,
      id uuid not null unique,
      community_id uuid not null references communities (id),
      resident_id uuid,
      family_member_id uuid,
      acting_for uuid,
      remember boolean not null,
      device text not null default '' check (length(device) <= 200),
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ended_at timestamptz,
      foreign key (community_id, resident_id) references residents (community_id, id),
      foreign key (community_id, family_member_id) references family_members (community_id, id),
      foreign key (community_id, acting_for) references residents (community_id, id),
      check ((resident_id is null) <> (family_member_id is null))
    )
    `,
    `
    create index phone_sessions_resident on phone_sessions (community_id, resident_id)
      where ended_at is null
    `,
    `
    create index phone_sessions_acting_for on phone_sessions (community_id, acting_for)
      where ended_at is null
    `,
    `
    create index phone_sessions_family on phone_sessions (community_id, family_member_id)
      where ended_at is null
    `,
    // Sign-ups made on the phone name the session (and so whoever signed in, a proxy included).
    `alter table activity_sign_ups add column by_phone_session uuid references phone_sessions (id)`,
    `alter table activity_sign_ups drop constraint activity_sign_ups_via_check`,
    `alter table activity_sign_ups add constraint activity_sign_ups_via_check
       check (via in ('kiosk', 'staff', 'phone'))`,
    `alter table activity_sign_ups add constraint activity_sign_ups_phone_session
       check (via <> 'phone' or by_phone_session is not null)`,
    `alter table correction_requests add column by_phone_session uuid references phone_sessions (id)`,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await run(db, [
    'alter table correction_requests drop column by_phone_session',
    'alter table activity_sign_ups drop constraint activity_sign_ups_phone_session',
    'alter table activity_sign_ups drop constraint activity_sign_ups_via_check',
    `alter table activity_sign_ups add constraint activity_sign_ups_via_check
       check (via in ('kiosk', 'staff'))`,
    'alter table activity_sign_ups drop column by_phone_session',
    'drop table phone_sessions',
    'drop table resident_proxies',
    'drop table family_members',
  ]);
}
