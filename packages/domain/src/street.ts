import { z } from 'zod';
import { CommunityName } from './communities';
import { Id, IdempotencyKey } from './ledger';
import { LocalizedText } from './localized-text';
import { Cell, GroupParticipation, ReportPeriod, ReportPeriodPreset } from './reports';
import { Building } from './residents';
import { Password, Username } from './staff';

// Street level (街道, issue 17): a street holds communities; its office reads every one of them
// side by side and opens new ones, but never logs or approves service (maker–checker stays in
// the community). A resident who moves house is moved by the office they leave, once the
// receiving community's office accepts: their points and time credit go with them.

/** One community of the street, as the street office sees it in the list. */
export const StreetCommunity = z.object({
  id: Id,
  name: LocalizedText,
  timeZone: z.string(),
  /** A closed community's staff cannot sign in, and its kiosks and phones are refused. */
  active: z.boolean(),
  createdAt: z.iso.datetime(),
  residents: z.number().int().nonnegative(),
  /** Residents with approved service in the last 365 days. */
  participants: z.number().int().nonnegative(),
  /** Points residents hold, and time credit (minutes), now. */
  pointsHeld: z.number().int(),
  timeCreditHeld: z.number().int(),
  /** Service records waiting for the office's review. */
  awaitingReview: z.number().int().nonnegative(),
  /** The last approved service, if any. */
  lastServiceAt: z.iso.datetime().nullable(),
});
export type StreetCommunity = z.infer<typeof StreetCommunity>;

export const StreetOverview = z.object({
  street: z.object({ id: Id, name: LocalizedText }),
  /** The community the street office's session reads now (reports, journal, audit, verify). */
  openCommunityId: Id,
  communities: z.array(StreetCommunity),
});
export type StreetOverview = z.infer<typeof StreetOverview>;

/** Reads one community of the street from now on in this session. */
export const OpenCommunityInput = z.object({ communityId: Id });

export const CreateCommunityInput = z.object({
  idempotencyKey: IdempotencyKey,
  name: CommunityName,
  timeZone: z.string().min(1).max(64).default('Asia/Shanghai'),
  /** The community's first office account: it must choose a new password when it first signs in. */
  office: z.object({
    username: Username,
    displayName: z.string().trim().min(1).max(100),
    password: Password,
  }),
});
export type CreateCommunityInput = z.infer<typeof CreateCommunityInput>;

export const SetCommunityActiveInput = z.object({
  idempotencyKey: IdempotencyKey,
  communityId: Id,
  /** Said in both communities' audit logs: why it closes or opens again. */
  reason: z.string().trim().min(1).max(500),
});
export type SetCommunityActiveInput = z.infer<typeof SetCommunityActiveInput>;

/** Side by side: each community's headline figures from every participation report. */
export const StreetInsightsInput = z.object({ last: ReportPeriodPreset.default('last_365_days') });

export const CommunityFigures = z.object({
  id: Id,
  name: LocalizedText,
  active: z.boolean(),
  period: ReportPeriod,
  /** Structure: residents and participants in the period, and the rate by age band. */
  participation: GroupParticipation,
  byAgeBand: z.array(GroupParticipation),
  /** Willingness: of residents, the share who ever served, and who came back within 90 days. */
  firstStepRate: Cell,
  secondStepRate: Cell,
  /** Organizations: how many, and how many may be fading (no leader log for `DORMANT_AFTER_DAYS`). */
  organizations: z.number().int().nonnegative(),
  dormantOrganizations: z.number().int().nonnegative(),
  /** Governance: residents who raised, supported, attended or voted, and their rate. */
  governance: z.object({ tookPart: Cell, rate: Cell }),
  /** Motivation: share of earned points redeemed; the time bank's exchanges and hours. */
  redeemedShare: Cell,
  timeBank: z.object({ exchanges: Cell, helpers: Cell, exchangedHours: Cell }),
});
export type CommunityFigures = z.infer<typeof CommunityFigures>;

export const StreetInsights = z.object({ communities: z.array(CommunityFigures) });
export type StreetInsights = z.infer<typeof StreetInsights>;

/** Each community's chain checked, side by side. */
export const StreetVerify = z.object({
  communities: z.array(
    z.object({
      id: Id,
      name: LocalizedText,
      ok: z.boolean(),
      transactions: z.number().int().nonnegative(),
      /** The first entry found altered, deleted or inserted, when the chain is broken. */
      problem: z.string().nullable(),
    }),
  ),
});
export type StreetVerify = z.infer<typeof StreetVerify>;

// ---- Moving house ----

export const moveStatuses = ['proposed', 'sending', 'done', 'declined', 'cancelled'] as const;
/** `sending`: the first half is posted in the community left; the second is on its way. */
export const MoveStatus = z.enum(moveStatuses);
export type MoveStatus = z.infer<typeof MoveStatus>;

export const Move = z.object({
  id: Id,
  status: MoveStatus,
  resident: z.object({ id: Id, name: z.string(), cardNumber: z.string() }),
  from: z.object({ communityId: Id, name: LocalizedText }),
  to: z.object({ communityId: Id, name: LocalizedText }),
  note: z.string().nullable(),
  proposedAt: z.iso.datetime(),
  proposedBy: z.string(),
  decidedAt: z.iso.datetime().nullable(),
  decidedBy: z.string().nullable(),
  declineReason: z.string().nullable(),
  /** What moved (set once the first half is posted): points and time credit (minutes). */
  points: z.number().int().nullable(),
  timeCredit: z.number().int().nullable(),
  /** The service history left behind, summarised for the receiving community. */
  history: z
    .object({
      minutesServed: z.number().int().nonnegative(),
      serviceRecords: z.number().int().nonnegative(),
      firstServiceAt: z.iso.datetime().nullable(),
      lastServiceAt: z.iso.datetime().nullable(),
    })
    .nullable(),
  /** The resident's new record and card in the receiving community, once arrived. */
  arrived: z.object({ residentId: Id, cardNumber: z.string(), at: z.iso.datetime() }).nullable(),
  /** The two ledger transactions, one in each community's chain. */
  outTransactionId: Id.nullable(),
  inTransactionId: Id.nullable(),
});
export type Move = z.infer<typeof Move>;

export const MoveDestination = z.object({ id: Id, name: LocalizedText });
export const MoveDestinations = z.array(MoveDestination);

export const ProposeMoveInput = z.object({
  idempotencyKey: IdempotencyKey,
  residentId: Id,
  toCommunityId: Id,
  note: z.string().trim().min(1).max(500).optional(),
});
export type ProposeMoveInput = z.infer<typeof ProposeMoveInput>;

export const MoveRef = z.object({ idempotencyKey: IdempotencyKey, moveId: Id });
export type MoveRef = z.infer<typeof MoveRef>;

export const AcceptMoveInput = MoveRef.extend({
  /** The resident's building in the new community, if known. */
  building: Building.optional(),
});
export type AcceptMoveInput = z.infer<typeof AcceptMoveInput>;

export const DeclineMoveInput = MoveRef.extend({ reason: z.string().trim().min(1).max(500) });
export type DeclineMoveInput = z.infer<typeof DeclineMoveInput>;

export const MovesList = z.object({
  /** Residents leaving this community. */
  outgoing: z.array(Move),
  /** Residents coming to this community: accept or decline the proposed ones. */
  incoming: z.array(Move),
});
export type MovesList = z.infer<typeof MovesList>;
