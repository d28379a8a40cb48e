import { type Kysely, sql } from 'kysely';

// Frozen. Defences against guessing that hold across any number of service instances (the
// counters live in the database, not in a process), and the years service can be in.

async function run(db: Kysely<any>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await run(db, [
    `
    -- Fixed-window request counters for the procedures where guessing happens (sign-in, PIN
    -- entry, certificate checks), keyed by what is limited: a source address, an account, a card,
    -- a kiosk device. Not community data: a key names its community where it needs one.
    create table request_limits (
      key text primary key check (length(key) <= 300),
      window_started_at timestamptz not null,
      hits int not null check (hits > 0)
    )
    `,
    `
    create index request_limits_window on request_limits (window_started_at)
    `,
    `
    -- Wrong PINs per card and per device (the kiosk, later a phone), for cards that exist and
    -- cards that do not alike, so a guesser cannot tell them apart; device '*' is the card's
    -- backstop across every device.
    create table card_attempts (
      community_id uuid not null references communities (id),
      card_number text not null check (length(card_number) <= 40),
      device text not null check (length(device) <= 100),
      failures int not null check (failures >= 0),
      locked_until timestamptz,
      last_attempt_at timestamptz not null,
      primary key (community_id, card_number, device)
    )
    `,
    `
    create index card_attempts_last on card_attempts (last_attempt_at)
    `,
    `
    -- Service in the years the programme can have (the domain's bound, held here too). Not
    -- checked against rows stored before: those are listed as they are, for the office to fix.
    alter table service_records add constraint service_records_started_at_range
      check (started_at >= timestamptz '2000-01-01 00:00:00+00'
         and started_at < timestamptz '2101-01-01 00:00:00+00') not valid
    `,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await run(db, [
    'alter table service_records drop constraint service_records_started_at_range',
    'drop table card_attempts',
    'drop table request_limits',
  ]);
}
