import { z } from 'zod';
import { Moment } from './calendar';
import { Id, IdempotencyKey } from './ledger';
import type { LocalizedText } from './localized-text';
import { PageInput, pageOf } from './pagination';

// The mutual-aid time bank (互助时间银行, issue 16): a resident asks for help (or the office asks
// for a housebound resident), a neighbour claims the request and helps, the requester confirms
// the time it took, and that many minutes of *time credit* move from the requester to the helper
// in the ledger. Time credit is its own unit: service hours never go down when credit is spent.
// A requester without enough credit is paid for by the community's care pool when the office's
// rule says so (an age, or a list the office keeps); residents and the office fund the pool.

// ---- Kinds of help ----

export const helpKinds = ['hospital', 'shopping', 'repairs', 'visit', 'tech', 'other'] as const;
export const HelpKind = z.enum(helpKinds);
export type HelpKind = z.infer<typeof HelpKind>;

export const helpKindLabels: Record<HelpKind, LocalizedText> = {
  hospital: { zh: '陪同就医', en: 'Going to hospital' },
  shopping: { zh: '代买代购', en: 'Shopping' },
  repairs: { zh: '小修小补', en: 'Small repairs' },
  visit: { zh: '陪伴聊天', en: 'A visit and a chat' },
  tech: { zh: '手机电脑', en: 'Phone and computer help' },
  other: { zh: '其他帮忙', en: 'Something else' },
};

/** The longest a request may say it needs, and an exchange may count: a whole day. */
export const EXCHANGE_MINUTES_MAX = 1440;
/** The most helpers one request may ask for. */
export const HELPERS_MAX = 5;
export const HELP_DESCRIPTION_MAX = 500;
export const HELP_PLACE_MAX = 100;
export const HELP_NOTE_MAX = 500;

export const ExchangeMinutes = z
  .number()
  .int('Give the time in whole minutes')
  .min(5, 'An exchange takes at least 5 minutes')
  .max(EXCHANGE_MINUTES_MAX, 'An exchange cannot last longer than a day (1440 minutes)');

const HelpDescription = z
  .string()
  .trim()
  .max(HELP_DESCRIPTION_MAX, `Say it in ${HELP_DESCRIPTION_MAX} characters or fewer`);
/** Where exactly (a flat, a meeting point): shown only to a helper who claimed the request. */
const HelpPlace = z.string().trim().min(1).max(HELP_PLACE_MAX);
const Reason = z.string().trim().min(1, 'Give a reason').max(HELP_NOTE_MAX);

// ---- Requests ----

/**
 * open (helpers still wanted) → claimed (every place taken) → done (every claim settled), or
 * cancelled by the requester or the office. A claim that is withdrawn or a no-show frees its
 * place: a claimed request opens again.
 */
export const helpRequestStatuses = ['open', 'claimed', 'done', 'cancelled'] as const;
export const HelpRequestStatus = z.enum(helpRequestStatuses);
export type HelpRequestStatus = z.infer<typeof HelpRequestStatus>;

/**
 * One helper's part in a request: claimed → (proposed: the helper said how long it took) →
 * confirmed (credit moved), or disputed (to the office), withdrawn by the helper, no_show
 * (marked by the requester or the office), dismissed by the office, or reversed (a confirmed
 * exchange the office undid with a reversal).
 */
export const claimStatuses = [
  'claimed',
  'proposed',
  'confirmed',
  'disputed',
  'withdrawn',
  'no_show',
  'dismissed',
  'reversed',
] as const;
export const ClaimStatus = z.enum(claimStatuses);
export type ClaimStatus = z.infer<typeof ClaimStatus>;

/** Claims that hold a place on the request. */
export const liveClaimStatuses: readonly ClaimStatus[] = [
  'claimed',
  'proposed',
  'confirmed',
  'disputed',
];

const requestFields = {
  idempotencyKey: IdempotencyKey,
  kind: HelpKind,
  description: HelpDescription.default(''),
  /** When the help is needed, if at a set time. */
  when: Moment.optional(),
  place: HelpPlace.optional(),
  minutesEstimate: ExchangeMinutes,
  helpersNeeded: z.number().int().min(1).max(HELPERS_MAX).default(1),
  /** The requester agrees that the notice board may thank the helper by name, with theirs. */
  showOnBoard: z.boolean().default(false),
};

/** A resident asks for help (at a kiosk, on the phone, or a proxy for them). */
export const HelpRequestInput = z.object(requestFields);
export type HelpRequestInput = z.infer<typeof HelpRequestInput>;

/** The office asks for help for a resident who cannot (housebound, no phone). */
export const HelpRequestForInput = z.object({
  ...requestFields,
  residentId: Id,
  reason: Reason,
});
export type HelpRequestForInput = z.infer<typeof HelpRequestForInput>;

export const HelpRequestOutput = z.object({ id: Id, status: HelpRequestStatus });
export type HelpRequestOutput = z.infer<typeof HelpRequestOutput>;

export const ListHelpRequestsInput = PageInput.extend({
  status: HelpRequestStatus.optional(),
  kind: HelpKind.optional(),
  /**
   * For a resident: `open` (others' requests still wanting help, the default), `mine` (what I
   * asked for) or `helping` (what I claimed). The office sees every request whatever it asks.
   */
  view: z.enum(['open', 'mine', 'helping']).optional(),
  /** For the office: only requests with a claim in dispute. */
  disputed: z.boolean().optional(),
});
export type ListHelpRequestsInput = z.infer<typeof ListHelpRequestsInput>;

export const HelpClaim = z.object({
  helperId: Id,
  /** The helper's display name; hidden (null) from residents who are neither party. */
  helperName: z.string().nullable(),
  status: ClaimStatus,
  proposedMinutes: z.number().int().nullable(),
  minutes: z.number().int().nullable(),
  /** Of `minutes`, what the care pool paid. */
  poolMinutes: z.number().int().nullable(),
  pointsEarned: z.number().int().nullable(),
  transactionId: Id.nullable(),
  reversalId: Id.nullable(),
  disputeReason: z.string().nullable(),
  /** Who disputed: the requester's side or the helper. */
  disputedBy: z.enum(['requester', 'helper']).nullable(),
  resolution: z.string().nullable(),
  claimedAt: z.iso.datetime({ offset: true }),
  settledAt: z.iso.datetime({ offset: true }).nullable(),
});
export type HelpClaim = z.infer<typeof HelpClaim>;

export const HelpRequest = z.object({
  id: Id,
  kind: HelpKind,
  description: z.string(),
  when: z.iso.datetime({ offset: true }).nullable(),
  /** Roughly where: the requester's building. Shown to every resident. */
  building: z.string().nullable(),
  /** Exactly where: only for the requester, a helper who claimed it and the office. */
  place: z.string().nullable(),
  minutesEstimate: z.number().int(),
  helpersNeeded: z.number().int(),
  /** Places still free. */
  placesLeft: z.number().int().nonnegative(),
  status: HelpRequestStatus,
  requesterId: Id.nullable(),
  /**
   * The requester's display name: for the requester, their helpers and the office. Other
   * residents see "a neighbour" (null).
   */
  requesterName: z.string().nullable(),
  /**
   * Whom a helper may call about it: the phone of the requester's family member (a proxy), for a
   * helper who claimed it and the office. Never shown to anyone else.
   */
  contactPhone: z.string().nullable(),
  via: z.enum(['kiosk', 'phone', 'office']),
  /** The office's reason, when it asked for the resident. */
  reason: z.string().nullable(),
  /** The care pool would pay for this requester's shortfall (the office's rule). */
  poolEligible: z.boolean(),
  showOnBoard: z.boolean(),
  cancelReason: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  /** The claims the reader may see: all for the requester's side and the office; their own for a helper. */
  claims: z.array(HelpClaim),
  /** What the reader is to this request. */
  role: z.enum(['requester', 'helper', 'neighbour', 'office']),
});
export type HelpRequest = z.infer<typeof HelpRequest>;

export const HelpRequestPage = pageOf(HelpRequest);
export type HelpRequestPage = z.infer<typeof HelpRequestPage>;

export const HelpRequestIdInput = z.object({ id: Id });

// ---- The exchange ----

export const ClaimHelpInput = z.object({
  idempotencyKey: IdempotencyKey,
  requestId: Id,
  /** The helper agrees that the notice board may thank them by name. */
  showOnBoard: z.boolean().default(false),
});
export type ClaimHelpInput = z.infer<typeof ClaimHelpInput>;

export const ClaimHelpOutput = z.object({
  requestId: Id,
  status: HelpRequestStatus,
  placesLeft: z.number().int().nonnegative(),
});
export type ClaimHelpOutput = z.infer<typeof ClaimHelpOutput>;

/** The helper says how long it took; the requester confirms it or changes it. */
export const ProposeMinutesInput = z.object({
  idempotencyKey: IdempotencyKey,
  requestId: Id,
  minutes: ExchangeMinutes,
});
export type ProposeMinutesInput = z.infer<typeof ProposeMinutesInput>;

/** The helper gives up their place before the help was confirmed. */
export const WithdrawClaimInput = z.object({ idempotencyKey: IdempotencyKey, requestId: Id });
export type WithdrawClaimInput = z.infer<typeof WithdrawClaimInput>;

export const CancelHelpRequestInput = z.object({
  idempotencyKey: IdempotencyKey,
  requestId: Id,
  reason: z.string().trim().max(HELP_NOTE_MAX).default(''),
});
export type CancelHelpRequestInput = z.infer<typeof CancelHelpRequestInput>;

/** The requester's side (or the office) records that a helper did not come. */
export const NoShowInput = z.object({
  idempotencyKey: IdempotencyKey,
  requestId: Id,
  helperId: Id,
});
export type NoShowInput = z.infer<typeof NoShowInput>;

/** The requester (or their proxy, or the office) confirms the help and the time it took. */
export const ConfirmHelpInput = z.object({
  idempotencyKey: IdempotencyKey,
  requestId: Id,
  helperId: Id,
  minutes: ExchangeMinutes,
});
export type ConfirmHelpInput = z.infer<typeof ConfirmHelpInput>;

export const ConfirmHelpOutput = z.object({
  transactionId: Id,
  minutes: z.number().int(),
  /** Of `minutes`, what the care pool paid for the requester. */
  poolMinutes: z.number().int().nonnegative(),
  /** Points the helper earned too, when the earning rule pays for exchanges. */
  pointsEarned: z.number().int().nonnegative(),
  requestStatus: HelpRequestStatus,
});
export type ConfirmHelpOutput = z.infer<typeof ConfirmHelpOutput>;

/** Either party says something is wrong: the office decides. */
export const DisputeHelpInput = z.object({
  idempotencyKey: IdempotencyKey,
  requestId: Id,
  /** The requester's side names the helper; a helper disputes their own claim. */
  helperId: Id.optional(),
  reason: Reason,
});
export type DisputeHelpInput = z.infer<typeof DisputeHelpInput>;

/** The office settles a dispute: the exchange happened (for so many minutes), or it did not. */
export const ResolveDisputeInput = z.object({
  idempotencyKey: IdempotencyKey,
  requestId: Id,
  helperId: Id,
  outcome: z.enum(['confirm', 'dismiss']),
  /** Required to confirm. */
  minutes: ExchangeMinutes.optional(),
  note: Reason,
});
export type ResolveDisputeInput = z.infer<typeof ResolveDisputeInput>;

export const ResolveDisputeOutput = z.object({
  outcome: z.enum(['confirm', 'dismiss']),
  transactionId: Id.nullable(),
  requestStatus: HelpRequestStatus,
});
export type ResolveDisputeOutput = z.infer<typeof ResolveDisputeOutput>;

/** The office undoes a confirmed exchange that was wrong: a reversal, never an edit. */
export const ReverseExchangeInput = z.object({
  idempotencyKey: IdempotencyKey,
  requestId: Id,
  helperId: Id,
  reason: Reason,
});
export type ReverseExchangeInput = z.infer<typeof ReverseExchangeInput>;

export const ReverseExchangeOutput = z.object({ reversalId: Id });
export type ReverseExchangeOutput = z.infer<typeof ReverseExchangeOutput>;

export const ClaimChangeOutput = z.object({
  requestId: Id,
  helperId: Id,
  status: ClaimStatus,
  requestStatus: HelpRequestStatus,
});
export type ClaimChangeOutput = z.infer<typeof ClaimChangeOutput>;

// ---- Offers ----

export const HelpOfferInput = z.object({
  idempotencyKey: IdempotencyKey,
  kind: HelpKind,
  description: HelpDescription.default(''),
  /** When the resident can help, in their words ("weekday evenings"). */
  when: z.string().trim().max(HELP_PLACE_MAX).optional(),
});
export type HelpOfferInput = z.infer<typeof HelpOfferInput>;

export const WithdrawOfferInput = z.object({ idempotencyKey: IdempotencyKey, offerId: Id });
export type WithdrawOfferInput = z.infer<typeof WithdrawOfferInput>;

export const HelpOffer = z.object({
  id: Id,
  kind: HelpKind,
  description: z.string(),
  when: z.string().nullable(),
  /** The offering resident's display name and building: an offer is made to be seen. */
  residentId: Id,
  residentName: z.string(),
  building: z.string().nullable(),
  status: z.enum(['open', 'withdrawn']),
  mine: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type HelpOffer = z.infer<typeof HelpOffer>;

export const ListHelpOffersInput = PageInput.extend({
  kind: HelpKind.optional(),
  mine: z.boolean().optional(),
});
export type ListHelpOffersInput = z.infer<typeof ListHelpOffersInput>;
export const HelpOfferPage = pageOf(HelpOffer);
export type HelpOfferPage = z.infer<typeof HelpOfferPage>;

// ---- Credit: balance, gifts, the care pool ----

/** A gift of time credit to a family member who is a resident, or to the care pool. */
export const GiveCreditInput = z
  .object({
    idempotencyKey: IdempotencyKey,
    toResidentId: Id.optional(),
    toPool: z.boolean().optional(),
    minutes: z.number().int().min(1, 'Give at least 1 minute').max(100_000),
  })
  .refine((input) => (input.toResidentId ? !input.toPool : input.toPool === true), {
    message: 'Give to one family member or to the care pool',
    path: ['toResidentId'],
  });
export type GiveCreditInput = z.infer<typeof GiveCreditInput>;

export const GiveCreditOutput = z.object({
  transactionId: Id,
  /** The giver's time credit after the gift. */
  creditAfter: z.number().int().nonnegative(),
});
export type GiveCreditOutput = z.infer<typeof GiveCreditOutput>;

/** Family members a resident may give credit to: residents linked to them as proxies, either way. */
export const CreditRecipient = z.object({ residentId: Id, name: z.string() });
export type CreditRecipient = z.infer<typeof CreditRecipient>;

export const TimeCreditBalance = z.object({
  /** Minutes of time credit the resident holds now. */
  balance: z.number().int().nonnegative(),
  /** Minutes earned helping neighbours, and received as help (all time). */
  helpedMinutes: z.number().int().nonnegative(),
  receivedMinutes: z.number().int().nonnegative(),
  /** Whether the care pool pays what this resident's credit cannot. */
  poolEligible: z.boolean(),
  recipients: z.array(CreditRecipient),
});
export type TimeCreditBalance = z.infer<typeof TimeCreditBalance>;

/** The office's rule for who the care pool pays for. */
export const PoolRule = z.object({
  /** Residents this old or older (in the community's calendar year); null: no age rule. */
  minAge: z.number().int().min(50).max(120).nullable(),
  /** How many residents are on the office's care list. */
  careListSize: z.number().int().nonnegative(),
});
export type PoolRule = z.infer<typeof PoolRule>;

export const CarePool = z.object({
  balance: z.number().int().nonnegative(),
  rule: PoolRule,
  /** Minutes the pool has paid for requesters, and what it received (gifts and grants). */
  paidMinutes: z.number().int().nonnegative(),
  giftedMinutes: z.number().int().nonnegative(),
  grantedMinutes: z.number().int().nonnegative(),
});
export type CarePool = z.infer<typeof CarePool>;

export const SetPoolRuleInput = z.object({
  idempotencyKey: IdempotencyKey,
  minAge: z.number().int().min(50).max(120).nullable(),
});
export type SetPoolRuleInput = z.infer<typeof SetPoolRuleInput>;

/** The office adds credit to the care pool (a grant from the community). */
export const GrantPoolInput = z.object({
  idempotencyKey: IdempotencyKey,
  minutes: z.number().int().min(1).max(1_000_000),
  note: z.string().trim().max(HELP_NOTE_MAX).default(''),
});
export type GrantPoolInput = z.infer<typeof GrantPoolInput>;

export const GrantPoolOutput = z.object({ transactionId: Id, poolBalance: z.number().int() });
export type GrantPoolOutput = z.infer<typeof GrantPoolOutput>;

export const CareListEntry = z.object({
  residentId: Id,
  name: z.string(),
  building: z.string().nullable(),
  note: z.string(),
  addedAt: z.iso.datetime({ offset: true }),
});
export type CareListEntry = z.infer<typeof CareListEntry>;

export const CareListChangeInput = z.object({
  idempotencyKey: IdempotencyKey,
  residentId: Id,
  note: z.string().trim().max(HELP_NOTE_MAX).default(''),
});
export type CareListChangeInput = z.infer<typeof CareListChangeInput>;

// ---- The notice board ----

/** An exchange both parties agreed to show: "王阿姨 got help with shopping from 李明 — 1 h". */
export const BoardExchange = z.object({
  requesterName: z.string(),
  helperName: z.string(),
  kind: HelpKind,
  minutes: z.number().int(),
  confirmedAt: z.iso.datetime({ offset: true }),
});
export type BoardExchange = z.infer<typeof BoardExchange>;

export const TimeBankBoard = z.object({
  exchanges: z.array(BoardExchange),
  /** This month so far, in the community's calendar: exchanges and minutes. */
  monthExchanges: z.number().int().nonnegative(),
  monthMinutes: z.number().int().nonnegative(),
  poolBalance: z.number().int().nonnegative(),
});
export type TimeBankBoard = z.infer<typeof TimeBankBoard>;
