import { z } from 'zod';
import { AgeBand, ageBandOf } from './age-bands';
import { CalendarDay } from './calendar';
import { ServiceCategory } from './categories';
import { Amount } from './units';
import { parseInput } from './validation';

/**
 * How a category's points compare with the base rate, in percent: 150 pays 1.5×. Percent keeps
 * the weight an integer, so every step of the arithmetic below stays exact.
 */
export const CategoryWeightPercent = z.number().int().min(0).max(1000);

/** A category the office did not weight pays the base rate. */
export const defaultCategoryWeight = 100;

/**
 * A time-limited bonus for a group the office wants to reach (an under-represented age band or
 * building): service on a day from `from` to `to` (community calendar days, both included) by a
 * resident in the group earns `bonusPercent` more weighted points. Without `ageBand` or
 * `building` it applies to everyone. The bonus raises the weighted points *before* the daily cap,
 * like a temporary category weight, so the cap still holds on a capped day.
 */
export const EarningCampaign = z
  .object({
    bonusPercent: z.number().int().min(1).max(500),
    from: CalendarDay,
    to: CalendarDay,
    ageBand: AgeBand.optional(),
    building: z.string().trim().min(1).max(50).optional(),
  })
  .refine((campaign) => campaign.from <= campaign.to, {
    message: 'The campaign must not end before it starts',
    path: ['to'],
  });
export type EarningCampaign = z.infer<typeof EarningCampaign>;

/** What an office publishes as an earning rule; also the input schema for publishing one. */
export const EarningRuleTerms = z.object({
  basePointsPerHour: z.number().int().min(0).max(10_000),
  categoryWeights: z.partialRecord(ServiceCategory, CategoryWeightPercent),
  /** The most points one resident can earn for service on one day, bonuses aside. */
  dailyCapPoints: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  /** Paid once, on a resident's first approved service. */
  firstParticipationBonus: z.number().int().min(0).max(100_000).optional(),
  /** Optional, so every rule published before campaigns existed stays valid. */
  campaign: EarningCampaign.optional(),
  /**
   * Whether a confirmed time-bank exchange also earns the helper points (at the base rate with
   * the mutual-aid weight, no cap). Off unless the office turns it on: the two currencies stay
   * apart by default.
   */
  timeBankEarns: z.boolean().optional(),
});
export type EarningRuleTerms = z.infer<typeof EarningRuleTerms>;

/** A published rule. Rules are versioned so every credit can name the version that paid it. */
export const EarningRule = EarningRuleTerms.extend({
  version: z.number().int().positive(),
  publishedAt: z.iso.datetime({ offset: true }),
});
export type EarningRule = z.infer<typeof EarningRule>;

/** The length of one service record: at least a minute, at most a whole day. */
export const ServiceMinutes = z
  .number()
  .int('Minutes of service must be a whole number')
  .min(1, 'A service lasts at least 1 minute')
  .max(1440, 'A service cannot last longer than a day (1440 minutes)');

export type CreditBreakdown = {
  /** Minutes at the base rate, before the category weight. Shown to people; not paid as such. */
  base: number;
  /** Minutes at the base rate times the category weight. */
  weighted: number;
  /** How much of `weighted` the daily cap held back. */
  capReduction: number;
  /** The first-participation bonus, if this record earned it. */
  bonus: number;
  /** Present only when a campaign applied: how much of `weighted` the campaign added. */
  campaign?: number;
};

/** What one service record earns: `points = weighted - capReduction + bonus`. */
export type ServiceCredit = { points: number; breakdown: CreditBreakdown };

/** One service record as the arithmetic sees it. */
export const ServiceToCredit = z.object({
  minutes: ServiceMinutes,
  category: ServiceCategory,
  /** Points already credited to this resident for service on the same day, bonuses excluded. */
  earnedSameDay: Amount,
  isFirstParticipation: z.boolean(),
  /** What a campaign looks at; without them no campaign applies. */
  serviceDate: z.iso.date().optional(),
  birthYear: z.number().int().nullable().optional(),
  building: z.string().nullable().optional(),
});
export type ServiceToCredit = z.infer<typeof ServiceToCredit>;

export function categoryWeight(
  rule: Pick<EarningRuleTerms, 'categoryWeights'>,
  category: ServiceCategory,
): number {
  return rule.categoryWeights[category] ?? defaultCategoryWeight;
}

/**
 * The points one approved service record earns under a rule.
 *
 * Rounding: always down. Weighted points are computed from the minutes in one step
 * (`floor(minutes × basePointsPerHour × weight% / 6000)`), so a record rounds once and loses less
 * than one point; flooring means no one is ever paid more than the published rate promises.
 *
 * The daily cap limits the weighted points so that `earnedSameDay + points` stays within it. The
 * first-participation bonus is added on top and is not capped: the first step should always be
 * rewarded, even on a day a resident has already reached the cap.
 *
 * Throws `VALIDATION_FAILED` for a rule that breaks its schema, minutes outside 1..1440 or a
 * negative or fractional `earnedSameDay`.
 */
export function pointsForService({
  rule,
  ...service
}: ServiceToCredit & { rule: EarningRuleTerms }): ServiceCredit {
  const valid = parseInput(ServiceToCredit.extend({ rule: EarningRuleTerms }), {
    rule,
    ...service,
  });
  return creditService(valid.rule, valid);
}

const DayToCredit = z.object({
  rule: EarningRuleTerms,
  records: z.array(ServiceToCredit.pick({ minutes: true, category: true })),
});

/**
 * Credits one resident's records for one day in the order given, carrying the cap across them.
 * Only the first record can earn the first-participation bonus, and only if `isFirstEver`.
 */
export function creditsForDay(
  rule: EarningRuleTerms,
  records: readonly { minutes: number; category: ServiceCategory }[],
  { isFirstEver }: { isFirstEver: boolean },
): ServiceCredit[] {
  const valid = parseInput(DayToCredit, { rule, records });
  return creditInOrder(
    valid.rule,
    valid.records.map((record, index) => ({
      ...record,
      day: '',
      isFirstParticipation: isFirstEver && index === 0,
    })),
  );
}

/** One approved record, as a preview replays it under a rule. */
export const PreviewRecord = z.object({
  residentId: z.string().min(1),
  serviceDate: z.iso.date(),
  minutes: ServiceMinutes,
  category: ServiceCategory,
  isFirstParticipation: z.boolean(),
  birthYear: z.number().int().nullable().optional(),
  building: z.string().nullable().optional(),
});
export type PreviewRecord = z.infer<typeof PreviewRecord>;

const RuleToPreview = z.object({ rule: EarningRuleTerms, records: z.array(PreviewRecord) });

export type RulePreview = {
  totalPoints: number;
  /** How many distinct residents would be credited more than zero points. */
  residents: number;
  /** Points per resident id, for every resident in the records (zero included). */
  perResident: Record<string, number>;
};

/**
 * What a rule would have paid for a set of records ("what would the new rule have paid last
 * month"). Caps apply per resident per service day, in the order the records are given.
 */
export function previewRule({
  rule,
  records,
}: {
  rule: EarningRuleTerms;
  records: readonly PreviewRecord[];
}): RulePreview {
  const valid = parseInput(RuleToPreview, { rule, records });
  const credits = creditInOrder(
    valid.rule,
    // JSON keeps the pair unambiguous whatever characters a resident id holds.
    valid.records.map((record) => ({
      ...record,
      day: JSON.stringify([record.residentId, record.serviceDate]),
    })),
  );
  const perResident = new Map<string, number>();
  let totalPoints = 0;
  valid.records.forEach((record, index) => {
    const points = credits[index]?.points ?? 0;
    perResident.set(record.residentId, (perResident.get(record.residentId) ?? 0) + points);
    totalPoints += points;
  });
  const residents = [...perResident.values()].filter((points) => points > 0).length;
  return { totalPoints, residents, perResident: Object.fromEntries(perResident) };
}

/** The one place the cap is carried from record to record; `day` names whose day it is. */
function creditInOrder(
  terms: EarningRuleTerms,
  records: readonly (Omit<ServiceToCredit, 'earnedSameDay'> & { day: string })[],
): ServiceCredit[] {
  const earned = new Map<string, number>();
  return records.map(({ day, ...record }) => {
    const earnedSameDay = earned.get(day) ?? 0;
    const credit = creditService(terms, { ...record, earnedSameDay });
    earned.set(day, earnedSameDay + credit.points - credit.breakdown.bonus);
    return credit;
  });
}

/** Whether the rule's campaign covers this service: its days, and its age band and building if set. */
export function campaignApplies(
  campaign: EarningCampaign | undefined,
  service: Pick<ServiceToCredit, 'serviceDate' | 'birthYear' | 'building'>,
): campaign is EarningCampaign {
  const { serviceDate, birthYear, building } = service;
  if (!campaign || !serviceDate) return false;
  if (serviceDate < campaign.from || serviceDate > campaign.to) return false;
  if (campaign.building !== undefined && campaign.building !== building) return false;
  if (campaign.ageBand === undefined) return true;
  return ageBandOf(birthYear, Number(serviceDate.slice(0, 4))) === campaign.ageBand;
}

function creditService(terms: EarningRuleTerms, service: ServiceToCredit): ServiceCredit {
  const { minutes, category, earnedSameDay, isFirstParticipation } = service;
  const rate = terms.basePointsPerHour;
  const base = floorDiv(minutes * rate, 60);
  const weight = categoryWeight(terms, category);
  const uncampaigned = floorDiv(minutes * rate * weight, 6000);
  // One floor over the whole product, as for the weight: 1440 × 10 000 × 1000 × 600 < 2^53.
  const campaign = campaignApplies(terms.campaign, service) ? terms.campaign : undefined;
  const weighted = campaign
    ? floorDiv(minutes * rate * weight * (100 + campaign.bonusPercent), 600_000)
    : uncampaigned;
  const room =
    terms.dailyCapPoints === undefined
      ? weighted
      : Math.max(0, terms.dailyCapPoints - earnedSameDay);
  const credited = Math.min(weighted, room);
  const bonus = isFirstParticipation ? (terms.firstParticipationBonus ?? 0) : 0;
  return {
    points: credited + bonus,
    breakdown: {
      base,
      weighted,
      capReduction: weighted - credited,
      bonus,
      ...(campaign ? { campaign: weighted - uncampaigned } : {}),
    },
  };
}

/**
 * Integer division rounding down, for non-negative integers. Subtracting the remainder first makes
 * the division exact, so no float rounding can creep in. The schemas bound the products
 * (1440 × 10 000 × 1000) far below 2^53.
 */
function floorDiv(dividend: number, divisor: number): number {
  return (dividend - (dividend % divisor)) / divisor;
}
