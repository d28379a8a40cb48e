import { type Kysely, sql } from 'kysely';

// Frozen. Trust in the record: approved service is publicly noticed for a while
// (a community setting), residents can ask for corrections that the office accepts
// (posting a reversal and/or a new record, linked to the request) or declines with a
// reason, and the office issues service certificates whose content is fixed at issue.

async function run(db: Kysely<any>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await run(db, [
    `
    -- How many days approved service stays on the public notice board.
    alter table communities
      add column notice_days int not null default 7 check (notice_days between 1 and 90)
    `,
    `
    create table correction_requests (
      community_id uuid not null,
      id uuid not null,
      resident_id uuid not null,
      -- The record the resident disputes; null for a record that is missing altogether.
      service_record_id uuid,
      kind text not null check (kind in ('wrong_hours', 'missing_record')),
      reason text not null check (length(reason) between 1 and 500),
      proposed_minutes int check (proposed_minutes between 0 and 1440),
      kiosk_id uuid,
      requested_at timestamptz not null default now(),
      status text not null default 'open' check (status in ('open', 'accepted', 'declined')),
      resolved_by uuid,
      resolved_at timestamptz,
      resolution_reason text,
      corrected_minutes int check (corrected_minutes between 0 and 1440),
      reversal_transaction_id uuid,
      new_service_record_id uuid,
      primary key (community_id, id),
      foreign key (community_id, resident_id) references residents (community_id, id),
      foreign key (community_id, service_record_id) references service_records (community_id, id),
      foreign key (community_id, resolved_by) references staff_users (community_id, id),
      foreign key (community_id, reversal_transaction_id)
        references ledger_transactions (community_id, id),
      check (kind <> 'wrong_hours' or service_record_id is not null),
      -- A resolution always says why; the resident reads it at the kiosk.
      check ((status = 'open') = (resolved_at is null)),
      check (status = 'open' or length(coalesce(resolution_reason, '')) > 0)
    )
    `,
    `
    create index correction_requests_status
      on correction_requests (community_id, status, requested_at, id)
    `,
    `
    create index correction_requests_resident
      on correction_requests (community_id, resident_id, requested_at)
    `,
    `
    -- A record posted by accepting a correction names the request; a record whose
    -- credit a correction reversed names the request that superseded it.
    alter table service_records
      add column correction_request_id uuid,
      add column superseded_by_correction uuid
    `,
    `
    -- A superseded record no longer counts as the resident's first participation:
    -- the corrected record that replaces it may carry the bonus instead.
    drop index service_records_first_participation
    `,
    `
    create unique index service_records_first_participation
      on service_records (community_id, resident_id)
      where first_participation_bonus is not null and superseded_by_correction is null
    `,
    `
    -- The notice board: approved records, newest approval first.
    create index service_records_approved_reviewed
      on service_records (community_id, reviewed_at, id) where status = 'approved'
    `,
    `
    -- Certificate numbers are unique across communities: /verify/<number> names no community.
    create sequence certificate_numbers
    `,
    `
    create table certificates (
      community_id uuid not null,
      id uuid not null,
      number text not null unique,
      resident_id uuid not null,
      period_from date not null,
      period_to date not null,
      -- What the certificate says, fixed at issue, and the SHA-256 of its canonical JSON.
      content jsonb not null,
      content_hash text not null check (content_hash ~ '^[0-9a-f]{64}$'),
      issued_by uuid not null,
      issued_at timestamptz not null default now(),
      primary key (community_id, id),
      foreign key (community_id, resident_id) references residents (community_id, id),
      foreign key (community_id, issued_by) references staff_users (community_id, id),
      check (period_from <= period_to)
    )
    `,
    `
    create index certificates_resident on certificates (community_id, resident_id, issued_at)
    `,
    `
    create index certificates_issued on certificates (community_id, issued_at, id)
    `,
    `
    -- Issued certificates are never edited; the hash (also in the audit log) shows it if they are.
    create trigger certificates_append_only
      before update or delete on certificates
      for each row execute function tally_refuse_journal_change()
    `,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await run(db, [
    'drop table certificates',
    'drop sequence certificate_numbers',
    'drop index service_records_approved_reviewed',
    'drop index service_records_first_participation',
    `
    create unique index service_records_first_participation
      on service_records (community_id, resident_id)
      where first_participation_bonus is not null
    `,
    `
    alter table service_records
      drop column correction_request_id,
      drop column superseded_by_correction
    `,
    'drop table correction_requests',
    'alter table communities drop column notice_days',
  ]);
}
