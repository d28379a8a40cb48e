import type { ColumnType, Generated } from 'kysely';

// Kysely's view of the tables. Rows are mapped to domain types at the edge of
// the data layer; these types never leak past it.

type Timestamp = ColumnType<Date, Date | string | undefined, never>;
/** Journal columns are written once and never updated (the database refuses). */
type Frozen<T> = ColumnType<T, T, never>;

/** A street (街道): the unit above communities. A reference table: every shard holds it. */
export type StreetsTable = {
  id: string;
  name_zh: Generated<string>;
  name_en: Generated<string>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
};

export type CommunitiesTable = {
  id: string;
  street_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** A closed community's staff cannot sign in; its kiosks and phones are refused. */
  active: Generated<boolean>;
  closed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Every name is stored per language; one of the pair may be empty (it falls back). */
  name_zh: Generated<string>;
  name_en: Generated<string>;
  time_zone: Generated<string>;
  /** Days approved service stays on the public notice board. */
  notice_days: Generated<number>;
  created_at: Timestamp;
};

export type LedgerChainsTable = {
  community_id: string;
  head_sequence: Generated<number>;
  head_hash: Uint8Array;
};

export type LedgerAccountsTable = {
  community_id: string;
  id: string;
  unit: 'minutes' | 'points' | 'time_credit';
  owner_type: string;
  owner_id: string | null;
  min_balance: number | null;
  /** Changed only by tally_post_transaction. */
  balance: Generated<number>;
  created_at: Timestamp;
  /** HMAC of the account's identity under the service's key; null for accounts opened before sealing. */
  identity_seal: Uint8Array | null;
};

export type LedgerTransactionsTable = {
  community_id: Frozen<string>;
  id: Frozen<string>;
  sequence: Frozen<number>;
  kind: Frozen<string>;
  actor_type: Frozen<string>;
  actor_id: Frozen<string>;
  actor_origin: Frozen<string | null>;
  memo: Frozen<string>;
  reference_type: Frozen<string | null>;
  reference_id: Frozen<string | null>;
  reverses: Frozen<string | null>;
  idempotency_key: Frozen<string>;
  request_hash: Frozen<string>;
  created_at: Frozen<Date>;
  prev_hash: Frozen<Uint8Array>;
  hash: Frozen<Uint8Array>;
  /** The service's HMAC over what it asked to post; null for entries from before sealing. */
  seal: Frozen<Uint8Array | null>;
};

export type LedgerPostingsTable = {
  community_id: Frozen<string>;
  transaction_id: Frozen<string>;
  position: Frozen<number>;
  account_id: Frozen<string>;
  unit: Frozen<'minutes' | 'points' | 'time_credit'>;
  amount: Frozen<number>;
};

/** A signed (community, sequence, head hash): the chain anchored outside the database. */
export type LedgerCheckpointsTable = {
  community_id: Frozen<string>;
  sequence: Frozen<number>;
  head_hash: Frozen<Uint8Array>;
  signed_at: ColumnType<Date, Date | string | undefined, never>;
  key_fingerprint: Frozen<string>;
  signature: Frozen<Uint8Array>;
};

type Created = ColumnType<Date, Date | string | undefined, never>;
type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type StaffRole = 'office' | 'leader' | 'auditor' | 'street';

export type StaffUsersTable = {
  community_id: string;
  id: string;
  username: string;
  display_name: string;
  role: StaffRole;
  /** Set for a street account (role `street`) only: the street it reads. */
  street_id: ColumnType<string | null, string | null | undefined, string | null>;
  password_hash: string;
  /** Sign-in tries from all sources in the current window (the per-account backstop). */
  failed_logins: Generated<number>;
  locked_until: NullableTime;
  failed_logins_since: NullableTime;
  active: Generated<boolean>;
  /** Set by a password reset: the account must choose a new password before anything else. */
  must_change_password: Generated<boolean>;
  created_at: Created;
};

/** Sign-in tries against one account from one source, counted before the password is checked. */
export type StaffLoginTriesTable = {
  community_id: string;
  staff_id: string;
  source: string;
  tries: number;
  window_started_at: ColumnType<Date, Date | string | undefined, Date | string>;
  locked_until: NullableTime;
};

/** Hashes of an account's earlier passwords, so a new one cannot repeat them. */
export type StaffPasswordHistoryTable = {
  community_id: string;
  staff_id: string;
  password_hash: string;
  replaced_at: Created;
};

/** Who opened or reset an account (and so knew its password) until a second person confirms it. */
export type StaffControllersTable = {
  community_id: string;
  staff_id: string;
  controller_id: string;
  since: Created;
};

export type StaffSessionsTable = {
  /** Keyed with the community; found alone by its own index (a token arrives without one). */
  token_hash: string;
  /** What a session is listed and revoked by; never the token's hash. */
  id: Generated<string>;
  community_id: string;
  staff_id: string;
  created_at: Created;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  ended_at: NullableTime;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** Where the session was started from (the request's origin). */
  origin: string | null;
  last_origin: string | null;
  /** A street account's session: the community of its street it reads now (null: its own). */
  viewing_community_id: ColumnType<string | null, string | null | undefined, string | null>;
};

export type OrganizationsTable = {
  community_id: string;
  id: string;
  name_zh: Generated<string>;
  name_en: Generated<string>;
  description_zh: Generated<string>;
  description_en: Generated<string>;
  created_at: Created;
};

export type OrganizationLeadersTable = {
  community_id: string;
  organization_id: string;
  staff_id: string;
};

export type ResidentsTable = {
  community_id: string;
  id: string;
  name: string;
  display_name: string;
  show_name: Generated<boolean>;
  birth_year: number | null;
  building: string | null;
  card_number: string;
  pin_hash: string;
  pin_failures: Generated<number>;
  card_locked_until: NullableTime;
  card_issued_at: ColumnType<Date, Date | string | undefined, Date | string>;
  points_account_id: string;
  minutes_account_id: string;
  created_at: Created;
  /** Moved house to another community: the record stays here, readable; the card stops. */
  moved_at: NullableTime;
  moved_to: ColumnType<string | null, string | null | undefined, string | null>;
};

/** A resident moving house, kept in the community they leave (see the street migration). */
export type ResidentMovesTable = {
  community_id: string;
  id: string;
  resident_id: string;
  to_community_id: string;
  status: ColumnType<
    'proposed' | 'sending' | 'done' | 'declined' | 'cancelled',
    'proposed' | undefined,
    'sending' | 'done' | 'declined' | 'cancelled'
  >;
  note: string | null;
  proposed_by: string;
  proposed_at: Created;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: NullableTime;
  /** Where the acceptance came from: both halves' ledger transactions name it. */
  decided_origin: string | null;
  decline_reason: string | null;
  building: string | null;
  points: number | null;
  time_credit: number | null;
  minutes_served: number | null;
  service_records: number | null;
  first_service_at: NullableTime;
  last_service_at: NullableTime;
  out_transaction_id: string | null;
  new_resident_id: string | null;
  new_card_number: string | null;
  in_transaction_id: string | null;
  arrived_at: NullableTime;
};

export type OrganizationMembersTable = {
  community_id: string;
  organization_id: string;
  resident_id: string;
  joined_at: Created;
};

export type KiosksTable = {
  community_id: string;
  id: string;
  name: string;
  /**
   * Unique within the community in the database; registration refuses one in use anywhere, and
   * a token two kiosks share signs in to neither (a device token may be chosen by a person).
   */
  token_hash: string;
  created_at: Created;
  revoked_at: NullableTime;
  /** Set while the office has the kiosk in activity mode: it checks residents in at that door. */
  activity_id: ColumnType<string | null, string | null | undefined, string | null>;
};

export type KioskSessionsTable = {
  /** Keyed with the community: always looked up with its kiosk, which names the community. */
  token_hash: string;
  community_id: string;
  kiosk_id: string;
  resident_id: string;
  created_at: Created;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
  ended_at: NullableTime;
};

export type EarningRulesTable = {
  community_id: string;
  version: number;
  /** The published EarningRuleTerms (domain schema), immutable once written. */
  terms: ColumnType<unknown, string, never>;
  published_at: Created;
  published_by: string | null;
};

export type ServiceRecordStatus = 'pending' | 'approved' | 'rejected';

export type ServiceRecordsTable = {
  community_id: string;
  id: string;
  organization_id: string;
  resident_id: string;
  activity_title: string;
  category: string;
  place: string;
  started_at: ColumnType<Date, Date | string, Date | string>;
  minutes: number;
  note: Generated<string>;
  status: ColumnType<ServiceRecordStatus, ServiceRecordStatus | undefined, ServiceRecordStatus>;
  logged_by: string;
  logged_at: Created;
  reviewed_by: string | null;
  reviewed_at: NullableTime;
  review_reason: string | null;
  rule_version: number | null;
  points: number | null;
  /** Null unless this was the resident's first approved service; then the bonus it paid. */
  first_participation_bonus: ColumnType<number | null, number | null | undefined, number | null>;
  transaction_id: string | null;
  /** Set on a record posted by accepting a correction request. */
  correction_request_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Set on a record whose credit a correction request reversed. */
  superseded_by_correction: ColumnType<string | null, string | null | undefined, string | null>;
  /** Set on the records a closed activity wrote (its sign-in sheet). */
  activity_id: ColumnType<string | null, string | null | undefined, never>;
};

export type RewardKind = 'goods' | 'service' | 'privilege';

export type RewardsTable = {
  community_id: string;
  id: string;
  name_zh: Generated<string>;
  name_en: Generated<string>;
  description_zh: Generated<string>;
  description_en: Generated<string>;
  kind: ColumnType<RewardKind, RewardKind | undefined, RewardKind>;
  points: number;
  stock: number;
  per_resident_limit: number | null;
  active: Generated<boolean>;
  created_at: Created;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
};

export type RewardPhotosTable = {
  community_id: string;
  reward_id: string;
  content: Uint8Array;
  content_type: 'image/webp' | 'image/jpeg';
  width: number;
  height: number;
  digest: string;
  uploaded_by: string;
  uploaded_at: ColumnType<Date, Date | string | undefined, Date | string>;
};

export type RewardChangesTable = {
  community_id: string;
  id: string;
  reward_id: string;
  changed_by: string;
  changed_at: Created;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string, never>;
};

export type RedemptionStatus = 'issued' | 'fulfilled' | 'cancelled';

export type RedemptionsTable = {
  community_id: string;
  id: string;
  reward_id: string;
  resident_id: string;
  kiosk_id: string | null;
  quantity: number;
  points: number;
  pickup_code: string;
  status: ColumnType<RedemptionStatus, RedemptionStatus | undefined, RedemptionStatus>;
  transaction_id: string;
  created_at: Created;
  fulfilled_at: NullableTime;
  cancelled_at: NullableTime;
  cancel_reason: string | null;
  cancel_transaction_id: string | null;
};

export type GoalsTable = {
  community_id: string;
  id: string;
  title_zh: Generated<string>;
  title_en: Generated<string>;
  description_zh: Generated<string>;
  description_en: Generated<string>;
  target_points: number;
  status: ColumnType<'open' | 'closed', 'open' | 'closed' | undefined, 'open' | 'closed'>;
  account_id: string;
  created_at: Created;
  closed_at: NullableTime;
};

export type IdempotentRequestsTable = {
  community_id: string;
  key: string;
  operation: string;
  request_hash: string;
  response: ColumnType<unknown, string, string>;
  created_at: Created;
};

export type AuditLogTable = {
  community_id: string;
  id: Generated<number>;
  at: Created;
  actor_type: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  origin: string | null;
  details: ColumnType<unknown, string | undefined, never>;
};

export type CorrectionKind = 'wrong_hours' | 'missing_record';
export type CorrectionStatus = 'open' | 'accepted' | 'declined';

export type CorrectionRequestsTable = {
  community_id: string;
  id: string;
  resident_id: string;
  service_record_id: string | null;
  kind: CorrectionKind;
  reason: string;
  proposed_minutes: number | null;
  kiosk_id: string | null;
  by_phone_session: ColumnType<string | null, string | null | undefined, never>;
  requested_at: Created;
  status: ColumnType<CorrectionStatus, CorrectionStatus | undefined, CorrectionStatus>;
  resolved_by: string | null;
  resolved_at: NullableTime;
  resolution_reason: string | null;
  corrected_minutes: number | null;
  reversal_transaction_id: string | null;
  new_service_record_id: string | null;
  /** A missing record: the organization, day (`YYYY-MM-DD`) and activity the resident picked. */
  organization_id: ColumnType<string | null, string | null | undefined, never>;
  service_date: ColumnType<string | null, string | null | undefined, never>;
  activity_title: ColumnType<string | null, string | null | undefined, never>;
};

export type CertificatesTable = {
  community_id: string;
  id: string;
  /** Unique within the community; the public verification page finds it by number alone. */
  number: string;
  resident_id: string;
  period_from: ColumnType<string, string, never>;
  period_to: ColumnType<string, string, never>;
  /** The certificate as issued (CertificateContent); never updated. */
  content: ColumnType<unknown, string, never>;
  content_hash: ColumnType<string, string, never>;
  issued_by: string;
  issued_at: Created;
};

/** Service-wide counters, no community's data: a local table when sharded (table-placement.ts). */
export type RequestLimitsTable = {
  key: string;
  window_started_at: Date;
  hits: number;
};

export type CardAttemptsTable = {
  community_id: string;
  card_number: string;
  device: string;
  failures: number;
  locked_until: NullableTime;
  last_attempt_at: Date;
};

export type InvitationStatus = 'pending' | 'joined' | 'declined' | 'withdrawn';
export type InvitationClosedVia = 'kiosk' | 'phone' | 'office' | 'leader';

export type MembershipInvitationsTable = {
  community_id: string;
  id: string;
  organization_id: string;
  resident_id: string;
  invited_by: string;
  invited_at: Created;
  status: ColumnType<InvitationStatus, InvitationStatus | undefined, InvitationStatus>;
  closed_at: NullableTime;
  closed_via: InvitationClosedVia | null;
  closed_by_staff: string | null;
  closed_by_kiosk: string | null;
};

export type ActivityStatus = 'draft' | 'published' | 'cancelled' | 'closed';

/** Who an activity is for: null is everyone; otherwise residents in these bands and buildings. */
export type ActivityInvite = {
  ageBands: string[];
  buildings: string[];
  /** The earning rule whose campaign the invitation serves. */
  campaignRuleVersion: number | null;
};

export type ActivitiesTable = {
  community_id: string;
  id: string;
  organization_id: string;
  title_zh: Generated<string>;
  title_en: Generated<string>;
  description_zh: Generated<string>;
  description_en: Generated<string>;
  category: string;
  place: string;
  starts_at: ColumnType<Date, Date | string, Date | string>;
  ends_at: ColumnType<Date, Date | string, Date | string>;
  sign_up_opens_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  slots: number | null;
  waiting_list: Generated<boolean>;
  invite: ColumnType<ActivityInvite | null, string | null, string | null>;
  status: ColumnType<ActivityStatus, ActivityStatus | undefined, ActivityStatus>;
  cancel_reason: string | null;
  sign_ups_made: Generated<number>;
  created_by: string;
  created_at: Created;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  published_at: NullableTime;
  cancelled_at: NullableTime;
  closed_at: NullableTime;
  closed_by: string | null;
};

export type ActivitySignUpStatus = 'signed_up' | 'waitlisted' | 'cancelled' | 'no_show';
export type ActivityChannel = 'kiosk' | 'staff';

/** Where a sign-up was made: at a kiosk, by staff, or on the resident app (perhaps by a proxy). */
export type SignUpChannel = ActivityChannel | 'phone';

export type ActivitySignUpsTable = {
  community_id: string;
  activity_id: string;
  resident_id: string;
  status: ActivitySignUpStatus;
  queue_number: number;
  via: SignUpChannel;
  by_staff: string | null;
  by_kiosk: string | null;
  by_phone_session: ColumnType<string | null, string | null | undefined, string | null>;
  signed_up_at: ColumnType<Date, Date | string | undefined, Date | string>;
  moved_up_at: NullableTime;
  cancelled_at: NullableTime;
};

export type FamilyMembersTable = {
  community_id: string;
  id: string;
  name: string;
  phone: string;
  pin_hash: string;
  registered_by: string;
  created_at: Created;
};

export type ResidentProxiesTable = {
  community_id: string;
  id: string;
  resident_id: string;
  proxy_resident_id: string | null;
  family_member_id: string | null;
  added_by: 'resident' | 'office';
  added_by_staff: string | null;
  reason: string | null;
  created_at: Created;
  removed_at: NullableTime;
};

type NullableDay = ColumnType<string | null, string | null | undefined, string | null>;

export type TopicsTable = {
  community_id: string;
  id: string;
  kind: string;
  title: string | null;
  body: Generated<string>;
  place: string | null;
  status: Generated<
    'raised' | 'accepted' | 'consulted' | 'decided' | 'carried_out' | 'declined' | 'merged'
  >;
  raised_via: 'kiosk' | 'phone' | 'office';
  raised_by_resident: string | null;
  raised_by_staff: string | null;
  planned_for: NullableDay;
  merged_into: string | null;
  decline_reason: string | null;
  decision: string | null;
  responsible: string | null;
  due_by: NullableDay;
  minutes: string | null;
  decided_at: NullableTime;
  carried_out_at: NullableTime;
  created_at: Created;
};

export type TopicSupportsTable = {
  community_id: string;
  topic_id: string;
  resident_id: string;
  via: 'kiosk' | 'phone';
  created_at: Created;
};

export type TopicEventsTable = {
  community_id: string;
  topic_id: string;
  seq: Generated<string>;
  kind: string;
  by_staff: string | null;
  by_resident: string | null;
  note: string | null;
  created_at: Created;
};

export type TopicMeetingsTable = {
  community_id: string;
  topic_id: string;
  activity_id: string;
  linked_at: Created;
};

export type PollsTable = {
  community_id: string;
  id: string;
  topic_id: string;
  question_zh: Generated<string>;
  question_en: Generated<string>;
  age_bands: Generated<string[]>;
  buildings: Generated<string[]>;
  opens_at: ColumnType<Date, Date | string, Date | string>;
  closes_at: ColumnType<Date, Date | string, Date | string>;
  closed_early_at: NullableTime;
  secret: boolean;
  changeable: boolean;
  opened_by: string;
  created_at: Created;
};

export type PollOptionsTable = {
  community_id: string;
  poll_id: string;
  id: string;
  position: number;
  text_zh: Generated<string>;
  text_en: Generated<string>;
  votes: Generated<number>;
};

export type PollVotersTable = {
  community_id: string;
  poll_id: string;
  resident_id: string;
  secret: boolean;
  option_id: string | null;
  via: 'kiosk' | 'phone';
  voted_at: ColumnType<Date, Date | string | undefined, Date | string>;
};

type HelpKindColumn = 'hospital' | 'shopping' | 'repairs' | 'visit' | 'tech' | 'other';

export type HelpRequestsTable = {
  community_id: string;
  id: string;
  resident_id: string;
  kind: HelpKindColumn;
  description: Generated<string>;
  needed_at: NullableTime;
  place: string | null;
  minutes_estimate: number;
  helpers_needed: Generated<number>;
  status: Generated<'open' | 'claimed' | 'done' | 'cancelled'>;
  via: 'kiosk' | 'phone' | 'office';
  requested_by_staff: string | null;
  reason: string | null;
  show_on_board: Generated<boolean>;
  cancel_reason: string | null;
  cancelled_at: NullableTime;
  created_at: Created;
};

export type HelpClaimsTable = {
  community_id: string;
  request_id: string;
  helper_id: string;
  status: Generated<
    | 'claimed'
    | 'proposed'
    | 'confirmed'
    | 'disputed'
    | 'withdrawn'
    | 'no_show'
    | 'dismissed'
    | 'reversed'
  >;
  show_on_board: Generated<boolean>;
  proposed_minutes: number | null;
  minutes: number | null;
  pool_minutes: number | null;
  points_earned: number | null;
  transaction_id: string | null;
  reversal_id: string | null;
  dispute_reason: string | null;
  disputed_by: 'requester' | 'helper' | null;
  resolution: string | null;
  claimed_at: Created;
  settled_at: NullableTime;
};

export type HelpOffersTable = {
  community_id: string;
  id: string;
  resident_id: string;
  kind: HelpKindColumn;
  description: Generated<string>;
  available: string | null;
  status: Generated<'open' | 'withdrawn'>;
  created_at: Created;
  withdrawn_at: NullableTime;
};

export type CarePoolRulesTable = {
  community_id: string;
  min_age: number | null;
  updated_by: string;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
};

export type CareListTable = {
  community_id: string;
  resident_id: string;
  note: Generated<string>;
  added_by: string;
  added_at: Created;
};

export type PhoneSessionsTable = {
  /** Keyed with the community; found alone by its own index (a token arrives without one). */
  token_hash: string;
  /** Unique within the community: sign-ups and correction requests point at (community_id, id). */
  id: string;
  community_id: string;
  resident_id: string | null;
  family_member_id: string | null;
  acting_for: string | null;
  remember: boolean;
  device: Generated<string>;
  created_at: Created;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  ended_at: NullableTime;
};

export type ActivityAttendanceTable = {
  community_id: string;
  activity_id: string;
  resident_id: string;
  checked_in_at: Created;
  via: ActivityChannel;
  by_staff: string | null;
  by_kiosk: string | null;
  walk_in: boolean;
  checked_out_at: NullableTime;
  adjusted_minutes: number | null;
  adjustment_reason: string | null;
  minutes: number | null;
  service_record_id: string | null;
};

export type ActivityViewsTable = {
  community_id: string;
  activity_id: string;
  resident_id: string;
  first_viewed_at: Created;
};

export type Database = {
  streets: StreetsTable;
  communities: CommunitiesTable;
  resident_moves: ResidentMovesTable;
  ledger_chains: LedgerChainsTable;
  ledger_accounts: LedgerAccountsTable;
  ledger_transactions: LedgerTransactionsTable;
  ledger_postings: LedgerPostingsTable;
  ledger_checkpoints: LedgerCheckpointsTable;
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  staff_login_tries: StaffLoginTriesTable;
  staff_password_history: StaffPasswordHistoryTable;
  staff_controllers: StaffControllersTable;
  organizations: OrganizationsTable;
  organization_leaders: OrganizationLeadersTable;
  residents: ResidentsTable;
  organization_members: OrganizationMembersTable;
  kiosks: KiosksTable;
  kiosk_sessions: KioskSessionsTable;
  earning_rules: EarningRulesTable;
  service_records: ServiceRecordsTable;
  rewards: RewardsTable;
  reward_changes: RewardChangesTable;
  reward_photos: RewardPhotosTable;
  redemptions: RedemptionsTable;
  goals: GoalsTable;
  idempotent_requests: IdempotentRequestsTable;
  audit_log: AuditLogTable;
  correction_requests: CorrectionRequestsTable;
  certificates: CertificatesTable;
  request_limits: RequestLimitsTable;
  card_attempts: CardAttemptsTable;
  membership_invitations: MembershipInvitationsTable;
  activities: ActivitiesTable;
  activity_sign_ups: ActivitySignUpsTable;
  family_members: FamilyMembersTable;
  resident_proxies: ResidentProxiesTable;
  phone_sessions: PhoneSessionsTable;
  activity_attendance: ActivityAttendanceTable;
  activity_views: ActivityViewsTable;
  topics: TopicsTable;
  topic_supports: TopicSupportsTable;
  topic_events: TopicEventsTable;
  topic_meetings: TopicMeetingsTable;
  polls: PollsTable;
  poll_options: PollOptionsTable;
  poll_voters: PollVotersTable;
  help_requests: HelpRequestsTable;
  help_claims: HelpClaimsTable;
  help_offers: HelpOffersTable;
  care_pool_rules: CarePoolRulesTable;
  care_list: CareListTable;
};
