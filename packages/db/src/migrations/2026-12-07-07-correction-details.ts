import { type Kysely, sql } from 'kysely';

// Frozen. A resident reporting a missing record at the kiosk has no keyboard (issue 11): they
// tap the organization, the day (on a calendar) and the activity from recent sign-in sheets,
// and a free-text reason becomes optional for such a request.

async function run(db: Kysely<any>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await run(db, [
    `
    alter table correction_requests
      add column organization_id uuid,
      add column service_date date,
      add column activity_title text check (length(activity_title) between 1 and 200),
      add foreign key (community_id, organization_id) references organizations (community_id, id),
      -- Only a missing record names its details; a wrong-hours request points at its record.
      add constraint correction_requests_details_missing_only check (
        kind = 'missing_record'
        or (organization_id is null and service_date is null and activity_title is null))
    `,
    `
    alter table correction_requests drop constraint correction_requests_reason_check
    `,
    `
    -- A reason is still needed, unless a missing record says at least what and where.
    alter table correction_requests
      add constraint correction_requests_reason_check check (
        length(reason) <= 500
        and (length(reason) >= 1
          or (kind = 'missing_record' and organization_id is not null
              and (service_date is not null or activity_title is not null))))
    `,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await run(db, [
    `update correction_requests set reason = coalesce(activity_title, 'Missing record')
      where length(reason) = 0`,
    `
    alter table correction_requests
      drop constraint correction_requests_reason_check,
      drop constraint correction_requests_details_missing_only,
      drop column organization_id,
      drop column service_date,
      drop column activity_title
    `,
    `
    alter table correction_requests
      add constraint correction_requests_reason_check check (length(reason) between 1 and 500)
    `,
  ]);
}
