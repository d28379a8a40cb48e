import { type Kysely, sql } from 'kysely';

// Frozen. Community deliberation (issue 15): residents raise topics and support them; the
// office triages them, links consultation meetings (activities), records decisions and reports
// progress, every step kept in the topic's history; polls with open or secret ballots.
//
// A secret ballot keeps who voted (poll_voters) apart from what was chosen: there is no row per
// choice at all, only each option's count, and a vote adds to every option of its poll in one
// statement (1 to the one chosen, 0 to the others), so no option row's version names the last
// vote either. Days (planned for, due by) are the community's calendar days, `YYYY-MM-DD`.
// A row in poll_voters of a secret poll cannot hold an option (checked here).

async function run(db: Kysely<any>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await run(db, [
    `
    create table topics (
      community_id uuid not null references communities (id),
      id uuid not null,
      kind text not null check (kind in
        ('safety', 'environment', 'facilities', 'neighbours', 'services', 'other')),
      title text check (length(title) between 1 and 100),
      body text not null default '' check (length(body) <= 2000),
      place text check (length(place) between 1 and 100),
      status text not null default 'raised' check (status in
        ('raised', 'accepted', 'consulted', 'decided', 'carried_out', 'declined', 'merged')),
      raised_via text not null check (raised_via in ('kiosk', 'phone', 'office')),
      raised_by_resident uuid,
      raised_by_staff uuid,
      planned_for text check (planned_for ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      merged_into uuid,
      decline_reason text check (length(decline_reason) between 1 and 500),
      decision text check (length(decision) between 1 and 2000),
      responsible text check (length(responsible) between 1 and 100),
      due_by text check (due_by ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      minutes text check (length(minutes) <= 5000),
      decided_at timestamptz,
      carried_out_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (community_id, id),
      foreign key (community_id, raised_by_resident) references residents (community_id, id),
      foreign key (community_id, raised_by_staff) references staff_users (community_id, id),
      foreign key (community_id, merged_into) references topics (community_id, id),
      check (raised_by_resident is not null or raised_by_staff is not null),
      check ((status = 'merged') = (merged_into is not null)),
      check ((status = 'declined') = (decline_reason is not null)),
      check ((status in ('decided', 'carried_out')) = (decision is not null)),
      check ((decision is null) = (responsible is null and due_by is null and decided_at is null)),
      check ((status = 'carried_out') = (carried_out_at is not null))
    )
    `,
    'create index topics_created on topics (community_id, created_at desc, id desc)',
    'create index topics_status on topics (community_id, status, created_at desc)',
    `
    create table topic_supports (
      community_id uuid not null,
      topic_id uuid not null,
      resident_id uuid not null,
      via text not null check (via in ('kiosk', 'phone')),
      created_at timestamptz not null default now(),
      primary key (community_id, topic_id, resident_id),
      foreign key (community_id, topic_id) references topics (community_id, id),
      foreign key (community_id, resident_id) references residents (community_id, id)
    )
    `,
    `
    -- Every step of a topic, in order: who (staff, a resident, or the service itself when a
    -- meeting closes), when and why.
    create table topic_events (
      community_id uuid not null,
      topic_id uuid not null,
      seq bigint generated always as identity,
      kind text not null check (kind in ('raised', 'accepted', 'merged', 'declined',
        'meeting_linked', 'consulted', 'decided', 'progress', 'carried_out')),
      by_staff uuid,
      by_resident uuid,
      note text check (length(note) <= 5000),
      created_at timestamptz not null default now(),
      primary key (community_id, topic_id, seq),
      foreign key (community_id, topic_id) references topics (community_id, id),
      foreign key (community_id, by_staff) references staff_users (community_id, id),
      foreign key (community_id, by_resident) references residents (community_id, id)
    )
    `,
    `
    -- Consultation meetings: activities (of category community affairs) held on a topic.
    create table topic_meetings (
      community_id uuid not null,
      topic_id uuid not null,
      activity_id uuid not null,
      linked_at timestamptz not null default now(),
      primary key (community_id, topic_id, activity_id),
      foreign key (community_id, topic_id) references topics (community_id, id),
      foreign key (community_id, activity_id) references activities (community_id, id)
    )
    `,
    'create index topic_meetings_activity on topic_meetings (community_id, activity_id)',
    `
    create table polls (
      community_id uuid not null,
      id uuid not null,
      topic_id uuid not null,
      question_zh text not null default '',
      question_en text not null default '',
      age_bands text[] not null default '{}',
      buildings text[] not null default '{}',
      opens_at timestamptz not null,
      closes_at timestamptz not null,
      closed_early_at timestamptz,
      secret boolean not null,
      changeable boolean not null,
      opened_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (community_id, id),
      unique (community_id, id, secret),
      foreign key (community_id, topic_id) references topics (community_id, id),
      foreign key (community_id, opened_by) references staff_users (community_id, id),
      check (closes_at > opens_at),
      check (not (secret and changeable)),
      check (question_zh <> '' or question_en <> '')
    )
    `,
    'create index polls_topic on polls (community_id, topic_id)',
    'create index polls_closes on polls (community_id, closes_at)',
    `
    -- Each option with its count: the only place a choice is kept.
    create table poll_options (
      community_id uuid not null,
      poll_id uuid not null,
      id uuid not null,
      position int not null check (position between 1 and 6),
      text_zh text not null default '',
      text_en text not null default '',
      votes int not null default 0 check (votes >= 0),
      primary key (community_id, id),
      unique (community_id, poll_id, position),
      foreign key (community_id, poll_id) references polls (community_id, id),
      check (text_zh <> '' or text_en <> '')
    )
    `,
    `
    -- Who has voted. In an open ballot, also what they chose; in a secret one, never.
    create table poll_voters (
      community_id uuid not null,
      poll_id uuid not null,
      resident_id uuid not null,
      secret boolean not null,
      option_id uuid,
      via text not null check (via in ('kiosk', 'phone')),
      voted_at timestamptz not null default now(),
      primary key (community_id, poll_id, resident_id),
      foreign key (community_id, poll_id, secret) references polls (community_id, id, secret),
      foreign key (community_id, resident_id) references residents (community_id, id),
      foreign key (community_id, option_id) references poll_options (community_id, id),
      check (secret = (option_id is null))
    )
    `,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await run(db, [
    'drop table poll_voters',
    'drop table poll_options',
    'drop table polls',
    'drop table topic_meetings',
    'drop table topic_events',
    'drop table topic_supports',
    'drop table topics',
  ]);
}
