import { type Kysely, sql } from 'kysely';

// Frozen. The office's list of service records, newest logged first with no status or
// organization filter (`service.list`, the admin's default), had no index to read it by: every
// page sorted all of a community's records. With a year of 760,000 records the first page took
// 1.5 s (a parallel scan of the whole table and a top-N sort); by this index, 3 ms. The cursor
// is (logged_at, id), so both are in it.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index service_records_logged on service_records (community_id, logged_at, id)
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index service_records_logged`.execute(db);
}
