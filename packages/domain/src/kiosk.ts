import { z } from 'zod';
import { EntryDescription } from './entry-descriptions';
import { GoalProgress } from './goals';
import { FiguresPeriod } from './insights';
import { Id, IdempotencyKey, TransactionKind } from './ledger';
import { LocalizedText } from './localized-text';
import { PageInput } from './pagination';
import { Reward } from './rewards';

export const IdentifyInput = z.object({
  cardNumber: z.string().trim().min(1, 'Enter your card number').max(64),
  pin: z.string().min(1, 'Enter your PIN').max(64),
});

/** What a resident sees of themselves at a kiosk. */
export const KioskResident = z.object({
  id: Id,
  displayName: z.string(),
  points: z.number().int(),
  minutes: z.number().int(),
});
export type KioskResident = z.infer<typeof KioskResident>;

export const IdentifyOutput = z.object({
  /** Send as `x-resident-token`; it ends after 2 idle minutes or at kiosk.signOut. */
  residentToken: z.string(),
  resident: KioskResident,
});

export const CatalogItem = Reward.pick({
  id: true,
  name: true,
  description: true,
  kind: true,
  points: true,
  stock: true,
  perResidentLimit: true,
  photoUrl: true,
}).extend({
  /** The identified resident holds enough points for one. */
  affordable: z.boolean(),
  /** How many more points the resident needs for one (0 when affordable). */
  pointsShort: z.number().int().nonnegative(),
  /** How many more this resident may redeem under the per-resident limit; null for no limit. */
  limitLeft: z.number().int().nonnegative().nullable(),
});
export type CatalogItem = z.infer<typeof CatalogItem>;

export const HistoryInput = PageInput;

/** One of the resident's own ledger entries, in plain words. */
export const HistoryEntry = z.object({
  transactionId: Id,
  kind: TransactionKind,
  /** Signed: positive when the resident received points. */
  points: z.number().int(),
  /** Signed: positive when service minutes were credited. */
  minutes: z.number().int(),
  /** What the entry was for (the activity, reward or goal), as data the kiosk words. */
  description: EntryDescription,
  /** For service (and its reversal): the day it was given, `YYYY-MM-DD` in the community's zone. */
  serviceDate: z.iso.date().nullable(),
  createdAt: z.iso.datetime(),
  /** A proxy who made the entry on the resident's behalf (on the phone), by name; else null. */
  actedBy: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const RedeemInput = z.object({
  idempotencyKey: IdempotencyKey,
  rewardId: Id,
  quantity: z.number().int().min(1, 'Redeem at least 1').max(10, 'Redeem at most 10 at once'),
});

export const RedeemOutput = z.object({
  redemptionId: Id,
  pickupCode: z.string(),
  pointsAfter: z.number().int(),
  rewardName: LocalizedText,
  quantity: z.number().int(),
  /** Points paid in all. */
  points: z.number().int(),
});
export type RedeemOutput = z.infer<typeof RedeemOutput>;

export const DonateInput = z.object({
  idempotencyKey: IdempotencyKey,
  goalId: Id,
  points: z.number().int().min(1, 'Donate at least 1 point').max(1_000_000_000),
});

export const DonateOutput = z.object({
  pointsAfter: z.number().int(),
  goalRaised: z.number().int(),
  goalTarget: z.number().int(),
});
export type DonateOutput = z.infer<typeof DonateOutput>;

/** The idle screen's public figures: nothing personal but names residents agreed to show. */
export const CommunityFigures = z.object({
  communityName: LocalizedText,
  /** The community's current month, `YYYY-MM`, in its own time zone. */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  /** The days the figures cover: this month so far, or the last 30 days early in a month. */
  period: FiguresPeriod,
  approvedMinutes: z.number().int().nonnegative(),
  /** approvedMinutes in hours, rounded to 2 decimals (display only). */
  approvedHours: z.number().nonnegative(),
  /** Residents with approved service in the period. */
  participants: z.number().int().nonnegative(),
  goals: z.array(GoalProgress),
  /** Display names of residents who served recently and agreed to be named. */
  thanks: z.array(z.string()).max(10),
});
export type CommunityFigures = z.infer<typeof CommunityFigures>;

export const SignedOut = z.object({ ok: z.literal(true) });
