import { z } from 'zod';
import { CalendarDay } from './calendar';
import { ServiceCategory } from './categories';
import { CategoryWeightPercent, EarningCampaign, EarningRuleTerms } from './earning-rules';
import { Id, IdempotencyKey } from './ledger';
import { Amount } from './units';

/**
 * The rule a community runs on until its office publishes one: 10 points per hour, every
 * category at the base rate, no daily cap, no bonus. It is published as version 1 the first
 * time a community needs a rule (reading it, or approving service), so every credit can name
 * a version that really exists.
 */
export const defaultEarningRuleTerms: EarningRuleTerms = {
  basePointsPerHour: 10,
  categoryWeights: {},
};

/** A published earning rule as the API shows it; absent terms are `null`, never missing. */
export const PublishedRule = z.object({
  version: z.number().int().positive(),
  basePointsPerHour: z.number().int().nonnegative(),
  categoryWeights: z.partialRecord(ServiceCategory, CategoryWeightPercent),
  dailyCapPoints: z.number().int().positive().nullable(),
  firstParticipationBonus: z.number().int().nonnegative().nullable(),
  /** Present only on versions that run a campaign. */
  campaign: EarningCampaign.optional(),
  /** Whether confirmed time-bank exchanges also earn the helper points. */
  timeBankEarns: z.boolean(),
  publishedAt: z.iso.datetime({ offset: true }),
  /** Who published it; null for the default rule the system published. */
  publishedBy: z.object({ id: Id, displayName: z.string() }).nullable(),
});
export type PublishedRule = z.infer<typeof PublishedRule>;

export const RulesList = z.array(PublishedRule);

export const PublishRuleInput = EarningRuleTerms.extend({ idempotencyKey: IdempotencyKey });
export type PublishRuleInput = z.infer<typeof PublishRuleInput>;

/** The longest period a preview replays, so one call cannot scan years of records. */
export const MAX_PREVIEW_DAYS = 366;

/**
 * A proposed rule and the period to replay it on: calendar days in the community's time zone,
 * both ends included. Without a period, the last calendar month.
 */
export const PreviewRuleInput = EarningRuleTerms.extend({
  from: CalendarDay.optional(),
  to: CalendarDay.optional(),
})
  .refine((input) => (input.from === undefined) === (input.to === undefined), {
    message: 'Give both ends of the period (from and to) or neither',
    path: ['to'],
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    message: 'The period must not end before it starts',
    path: ['to'],
  });
export type PreviewRuleInput = z.infer<typeof PreviewRuleInput>;

export const RulePreviewResult = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  /** Approved service records whose service started in the period. */
  records: Amount,
  /** Distinct residents those records belong to. */
  residents: Amount,
  /** What those records were actually paid (bonuses included), under the rules that paid them. */
  currentPoints: Amount,
  /** What the proposed rule would have paid for the same records. */
  proposedPoints: Amount,
  /** Residents the proposed rule would have paid more, and less, than they were paid. */
  residentsPaidMore: Amount,
  residentsPaidLess: Amount,
  /** Records, and their residents, that the proposed rule's campaign would have covered. */
  campaignRecords: Amount,
  campaignResidents: Amount,
});
export type RulePreviewResult = z.infer<typeof RulePreviewResult>;
