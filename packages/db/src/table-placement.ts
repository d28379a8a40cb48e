/**
 * Where each table would live if Tally were sharded by community (docs/scaling.md). One line per
 * table; `shard-ready.test.ts` fails on a table missing here and on a distributed table whose keys
 * do not lead with `community_id`.
 *
 * - `distributed`: community data, split by `community_id`; every distributed table is co-located
 *   with every other, so a community's rows (and its whole hash chain) sit on one shard.
 * - `reference`: small, read-mostly, needed by every community: copied to every shard.
 * - `local`: service-wide state that belongs to no community: kept on the coordinator only.
 */
export type TablePlacement = 'distributed' | 'reference' | 'local';

export const tablePlacement: Record<string, TablePlacement> = {
  // Reference: the tenants themselves, and the migrator's own bookkeeping.
  communities: 'reference',
  streets: 'reference',
  kysely_migration: 'reference',
  kysely_migration_lock: 'reference',

  // Local: rate-limit counters keyed by source address, user name (a log-in names no community)
  // or device as well as by card. They hold no community's data, live for minutes, and are
  // written on nearly every request, which a reference table (written on every node) cannot bear.
  request_limits: 'local',

  // Distributed by community_id.
  activities: 'distributed',
  activity_attendance: 'distributed',
  activity_sign_ups: 'distributed',
  activity_views: 'distributed',
  audit_log: 'distributed',
  card_attempts: 'distributed',
  care_list: 'distributed',
  care_pool_rules: 'distributed',
  certificates: 'distributed',
  correction_requests: 'distributed',
  earning_rules: 'distributed',
  family_members: 'distributed',
  goals: 'distributed',
  help_claims: 'distributed',
  help_offers: 'distributed',
  help_requests: 'distributed',
  idempotent_requests: 'distributed',
  kiosk_sessions: 'distributed',
  kiosks: 'distributed',
  ledger_accounts: 'distributed',
  ledger_chains: 'distributed',
  ledger_checkpoints: 'distributed',
  ledger_postings: 'distributed',
  ledger_transactions: 'distributed',
  membership_invitations: 'distributed',
  organization_leaders: 'distributed',
  organization_members: 'distributed',
  organizations: 'distributed',
  phone_sessions: 'distributed',
  poll_options: 'distributed',
  poll_voters: 'distributed',
  polls: 'distributed',
  redemptions: 'distributed',
  resident_proxies: 'distributed',
  resident_moves: 'distributed',
  residents: 'distributed',
  reward_changes: 'distributed',
  reward_photos: 'distributed',
  rewards: 'distributed',
  service_records: 'distributed',
  staff_controllers: 'distributed',
  staff_login_tries: 'distributed',
  staff_password_history: 'distributed',
  staff_sessions: 'distributed',
  staff_users: 'distributed',
  topic_events: 'distributed',
  topic_meetings: 'distributed',
  topic_supports: 'distributed',
  topics: 'distributed',
};
