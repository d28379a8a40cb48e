import { type Kysely, sql } from 'kysely';

// Frozen. An approved service record says whether it was the resident's first
// participation and what bonus that paid: null means it was not the first; a
// number (possibly 0, under a rule without a bonus) means it was. The daily
// cap counts points already credited on the same day "bonuses aside", and a
// rule preview replays the bonus on the same record, so both must be able to
// tell the bonus apart from the rest of the points.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table service_records
      add column first_participation_bonus int
        check (first_participation_bonus >= 0 and first_participation_bonus <= points)
  `.execute(db);
  // Each resident participates for the first time once.
  await sql`
    create unique index service_records_first_participation
      on service_records (community_id, resident_id)
      where first_participation_bonus is not null
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table service_records drop column first_participation_bonus`.execute(db);
}
