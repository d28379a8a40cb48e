import { type Kysely, sql } from 'kysely';

// Frozen. Indexes for the reads the kiosk and the redemption desk make often:
// the idle screen's figures for the month, the desk's newest-first redemption
// list (optionally by status), and a reward's change history.

async function run(db: Kysely<any>, statements: string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await run(db, [
    `
    create index service_records_approved_started
      on service_records (community_id, started_at) where status = 'approved'
    `,
    `
    create index redemptions_created on redemptions (community_id, created_at, id)
    `,
    `
    create index redemptions_status_created on redemptions (community_id, status, created_at, id)
    `,
    `
    create index reward_changes_reward on reward_changes (community_id, reward_id, changed_at)
    `,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await run(db, [
    'drop index reward_changes_reward',
    'drop index redemptions_status_created',
    'drop index redemptions_created',
    'drop index service_records_approved_started',
  ]);
}
