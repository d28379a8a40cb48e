import { type Kysely, sql } from 'kysely';

// Frozen. A reward can carry a photo instead of its kind's icon (issue 11). The service stores
// it resized (at most 480 px wide, WebP), so a photo is tens of kilobytes and the database is
// the only storage a community needs. One photo per reward: replacing it overwrites the row.
// `digest` (SHA-256 of the stored bytes) names the version in the photo's address, so kiosks
// may cache an address for good and a new photo gets a new one.

async function run(db: Kysely<any>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await run(db, [
    `
    create table reward_photos (
      community_id uuid not null,
      reward_id uuid not null,
      content bytea not null check (octet_length(content) between 1 and 1048576),
      content_type text not null check (content_type in ('image/webp', 'image/jpeg')),
      width int not null check (width between 1 and 480),
      height int not null check (height between 1 and 2000),
      digest text not null check (digest ~ '^[0-9a-f]{64}$'),
      uploaded_by uuid not null,
      uploaded_at timestamptz not null default now(),
      primary key (community_id, reward_id),
      foreign key (community_id, reward_id) references rewards (community_id, id),
      foreign key (community_id, uploaded_by) references staff_users (community_id, id)
    )
    `,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await run(db, ['drop table reward_photos']);
}
