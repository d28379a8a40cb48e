import { type Kysely, sql } from 'kysely';

// Frozen. Activities (issue 13): an organization's (or the office's) event residents sign up for
// and are checked in at the door; closing it turns attendance into pending service records, so
// the sign-in sheet writes itself. A kiosk can be switched into "activity mode" for one activity,
// and residents' views of activities are kept for the willingness report's first stage.

async function run(db: Kysely<any>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await run(db, [
    `
    create table activities (
      community_id uuid not null references communities (id),
      id uuid not null,
      organization_id uuid not null,
      title_zh text not null default '',
      title_en text not null default '',
      description_zh text not null default '',
      description_en text not null default '',
      category text not null,
      place text not null check (length(place) between 1 and 200),
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      -- Null: sign-up opens as soon as the activity is published.
      sign_up_opens_at timestamptz,
      -- Null: no limit on how many sign up.
      slots int check (slots between 1 and 10000),
      waiting_list boolean not null default false,
      -- Null: open to everyone. Otherwise {"ageBands": [...], "buildings": [...]} and, when the
      -- invitation serves the running campaign, "campaignRuleVersion".
      invite jsonb,
      status text not null default 'draft'
        check (status in ('draft', 'published', 'cancelled', 'closed')),
      cancel_reason text check (length(cancel_reason) between 1 and 500),
      -- Numbers every sign-up, so a waiting list keeps the order residents joined it in.
      sign_ups_made int not null default 0,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      published_at timestamptz,
      cancelled_at timestamptz,
      closed_at timestamptz,
      closed_by uuid,
      primary key (community_id, id),
      foreign key (community_id, organization_id) references organizations (community_id, id),
      foreign key (community_id, created_by) references staff_users (community_id, id),
      foreign key (community_id, closed_by) references staff_users (community_id, id),
      constraint activities_title_given check (title_zh <> '' or title_en <> ''),
      -- A record of service is at most a day long; so is an activity.
      constraint activities_length check (
        ends_at > starts_at and ends_at <= starts_at + interval '24 hours'),
      constraint activities_sign_up_before_start check (
        sign_up_opens_at is null or sign_up_opens_at <= starts_at),
      constraint activities_waiting_list_needs_slots check (not waiting_list or slots is not null),
      check ((status = 'cancelled') = (cancel_reason is not null and cancelled_at is not null)),
      check ((status = 'closed') = (closed_at is not null and closed_by is not null)),
      check (status = 'draft' or published_at is not null or status = 'cancelled')
    )
    `,
    `
    create index activities_starts on activities (community_id, starts_at, id)
    `,
    `
    create index activities_organization on activities (community_id, organization_id, starts_at)
    `,
    `
    create table activity_sign_ups (
      community_id uuid not null,
      activity_id uuid not null,
      resident_id uuid not null,
      -- no_show: signed up and never checked in, set when the activity closes.
      status text not null
        check (status in ('signed_up', 'waitlisted', 'cancelled', 'no_show')),
      -- The activity's sign_ups_made when this (last) sign-up was made: the waiting list's order.
      queue_number int not null check (queue_number > 0),
      via text not null check (via in ('kiosk', 'staff')),
      by_staff uuid,
      by_kiosk uuid,
      signed_up_at timestamptz not null default now(),
      moved_up_at timestamptz,
      cancelled_at timestamptz,
      primary key (community_id, activity_id, resident_id),
      foreign key (community_id, activity_id) references activities (community_id, id),
      foreign key (community_id, resident_id) references residents (community_id, id),
      foreign key (community_id, by_staff) references staff_users (community_id, id),
      foreign key (community_id, by_kiosk) references kiosks (community_id, id),
      check (via <> 'staff' or by_staff is not null),
      check (via <> 'kiosk' or by_kiosk is not null),
      check ((status = 'cancelled') = (cancelled_at is not null))
    )
    `,
    `
    create index activity_sign_ups_waiting on activity_sign_ups (community_id, activity_id, queue_number)
      where status = 'waitlisted'
    `,
    `
    create index activity_sign_ups_resident on activity_sign_ups (community_id, resident_id)
    `,
    `
    create table activity_attendance (
      community_id uuid not null,
      activity_id uuid not null,
      resident_id uuid not null,
      checked_in_at timestamptz not null default now(),
      via text not null check (via in ('kiosk', 'staff')),
      by_staff uuid,
      by_kiosk uuid,
      -- Not signed up (or only waiting) when checked in.
      walk_in boolean not null,
      checked_out_at timestamptz,
      -- Set at closing: the leader's adjustment, if any, and the minutes the record counts.
      adjusted_minutes int check (adjusted_minutes between 1 and 1440),
      adjustment_reason text check (length(adjustment_reason) between 1 and 500),
      minutes int check (minutes between 1 and 1440),
      service_record_id uuid,
      primary key (community_id, activity_id, resident_id),
      foreign key (community_id, activity_id) references activities (community_id, id),
      foreign key (community_id, resident_id) references residents (community_id, id),
      foreign key (community_id, by_staff) references staff_users (community_id, id),
      foreign key (community_id, by_kiosk) references kiosks (community_id, id),
      foreign key (community_id, service_record_id) references service_records (community_id, id),
      check (via <> 'staff' or by_staff is not null),
      check (via <> 'kiosk' or by_kiosk is not null),
      check (checked_out_at is null or checked_out_at >= checked_in_at),
      check ((adjusted_minutes is null) = (adjustment_reason is null))
    )
    `,
    `
    create index activity_attendance_resident on activity_attendance (community_id, resident_id)
    `,
    `
    -- A resident who saw an activity at a kiosk (or, later, on their phone): the first stage of
    -- the willingness report. One row per resident and activity, the first time.
    create table activity_views (
      community_id uuid not null,
      activity_id uuid not null,
      resident_id uuid not null,
      first_viewed_at timestamptz not null default now(),
      primary key (community_id, activity_id, resident_id),
      foreign key (community_id, activity_id) references activities (community_id, id),
      foreign key (community_id, resident_id) references residents (community_id, id)
    )
    `,
    `
    -- The records a closed activity wrote: its sign-in sheet.
    alter table service_records
      add column activity_id uuid,
      add foreign key (community_id, activity_id) references activities (community_id, id)
    `,
    `
    create index service_records_activity on service_records (community_id, activity_id)
      where activity_id is not null
    `,
    `
    -- A kiosk the office switched into activity mode checks residents in at that activity's door.
    alter table kiosks
      add column activity_id uuid,
      add foreign key (community_id, activity_id) references activities (community_id, id)
    `,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await run(db, [
    'alter table kiosks drop column activity_id',
    'alter table service_records drop column activity_id',
    'drop table activity_views',
    'drop table activity_attendance',
    'drop table activity_sign_ups',
    'drop table activities',
  ]);
}
