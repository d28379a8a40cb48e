import type { AgeBand } from '@tally/domain/age-bands';
import { categoryIds, type ServiceCategory } from '@tally/domain/categories';
import type { EarningCampaign, EarningRuleTerms } from '@tally/domain/earning-rules';
import type { PublishedRule } from '@tally/domain/rules';
import { readDay } from '../../ui/typed-dates';

/** A campaign as typed: the group ('' for any), its days and its bonus. */
export type CampaignValues = {
  ageBand: AgeBand | '';
  building: string;
  from: string;
  to: string;
  bonusPercent: string;
};

/** The earning rule as typed: every number as text until it is checked. */
export type RuleValues = {
  basePointsPerHour: string;
  weights: Record<ServiceCategory, string>;
  dailyCapPoints: string;
  firstParticipationBonus: string;
  /** null: the draft runs no campaign. */
  campaign: CampaignValues | null;
  /** Confirmed time-bank exchanges also earn the helper points. */
  timeBankEarns: boolean;
};

export type RuleErrors = Partial<
  Record<
    | 'basePointsPerHour'
    | 'dailyCapPoints'
    | 'firstParticipationBonus'
    | 'campaignBonus'
    | 'campaignFrom'
    | 'campaignTo'
    | 'campaignBuilding'
    | ServiceCategory,
    true
  >
>;

export function campaignValues(campaign: EarningCampaign): CampaignValues {
  return {
    ageBand: campaign.ageBand ?? '',
    building: campaign.building ?? '',
    from: campaign.from,
    to: campaign.to,
    bonusPercent: String(campaign.bonusPercent),
  };
}

export function ruleValues(rule: PublishedRule): RuleValues {
  const weights = Object.fromEntries(
    categoryIds.map((id) => [id, String(rule.categoryWeights[id] ?? 100)]),
  ) as Record<ServiceCategory, string>;
  return {
    basePointsPerHour: String(rule.basePointsPerHour),
    weights,
    dailyCapPoints: rule.dailyCapPoints === null ? '' : String(rule.dailyCapPoints),
    firstParticipationBonus:
      rule.firstParticipationBonus === null ? '' : String(rule.firstParticipationBonus),
    campaign: rule.campaign ? campaignValues(rule.campaign) : null,
    timeBankEarns: rule.timeBankEarns,
  };
}

const inRange = (text: string, min: number, max: number) =>
  /^\d+$/.test(text.trim()) && Number(text) >= min && Number(text) <= max;

export function validateRule(values: RuleValues): RuleErrors {
  const errors: RuleErrors = {};
  if (!inRange(values.basePointsPerHour, 0, 10_000)) errors.basePointsPerHour = true;
  for (const id of categoryIds) if (!inRange(values.weights[id], 0, 1000)) errors[id] = true;
  if (values.dailyCapPoints.trim() && !inRange(values.dailyCapPoints, 1, 1_000_000_000))
    errors.dailyCapPoints = true;
  if (values.firstParticipationBonus.trim() && !inRange(values.firstParticipationBonus, 0, 100_000))
    errors.firstParticipationBonus = true;
  const { campaign } = values;
  if (campaign) {
    if (!inRange(campaign.bonusPercent, 1, 500)) errors.campaignBonus = true;
    // Days as typed ("2026-12-07", "2026年12月7日") or picked from the calendar.
    const from = readDay(campaign.from);
    const to = readDay(campaign.to);
    if (!from) errors.campaignFrom = true;
    if (!to || (from && to < from)) errors.campaignTo = true;
    if (campaign.building.trim().length > 50) errors.campaignBuilding = true;
  }
  return errors;
}

/**
 * Every term of a published rule, as `rules.publish` takes it. A draft starts from these, so a
 * term the form does not show is published again as it was, never dropped by accident.
 */
export function termsOf(rule: PublishedRule): EarningRuleTerms {
  const {
    version: _version,
    publishedAt: _publishedAt,
    publishedBy: _publishedBy,
    dailyCapPoints,
    firstParticipationBonus,
    timeBankEarns,
    ...terms
  } = rule;
  // Off is the default: a rule that never paid for exchanges publishes the terms it always had.
  return {
    ...terms,
    ...(dailyCapPoints === null ? {} : { dailyCapPoints }),
    ...(firstParticipationBonus === null ? {} : { firstParticipationBonus }),
    ...(timeBankEarns ? { timeBankEarns } : {}),
  };
}

export function toCampaign(values: CampaignValues): EarningCampaign {
  const building = values.building.trim();
  return {
    bonusPercent: Number(values.bonusPercent),
    from: readDay(values.from) ?? values.from,
    to: readDay(values.to) ?? values.to,
    ...(values.ageBand ? { ageBand: values.ageBand } : {}),
    ...(building ? { building } : {}),
  };
}

/**
 * The terms `rules.preview` and `rules.publish` take: the rule in force with the draft's changes.
 * A weight of 100 is the default, left out.
 */
export function toRuleTerms(values: RuleValues, current: PublishedRule): EarningRuleTerms {
  const {
    dailyCapPoints: _cap,
    firstParticipationBonus: _bonus,
    campaign: _campaign,
    timeBankEarns: _timeBankEarns,
    ...kept
  } = termsOf(current);
  const categoryWeights = Object.fromEntries(
    categoryIds
      .filter((id) => Number(values.weights[id]) !== 100)
      .map((id) => [id, Number(values.weights[id])]),
  ) as Partial<Record<ServiceCategory, number>>;
  return {
    ...kept,
    basePointsPerHour: Number(values.basePointsPerHour),
    categoryWeights,
    ...(values.dailyCapPoints.trim() ? { dailyCapPoints: Number(values.dailyCapPoints) } : {}),
    ...(values.firstParticipationBonus.trim()
      ? { firstParticipationBonus: Number(values.firstParticipationBonus) }
      : {}),
    ...(values.campaign ? { campaign: toCampaign(values.campaign) } : {}),
    ...(values.timeBankEarns ? { timeBankEarns: true } : {}),
  };
}

export type CampaignState = 'scheduled' | 'running' | 'ended';

export function campaignState(campaign: EarningCampaign, today: string): CampaignState {
  if (today < campaign.from) return 'scheduled';
  return today <= campaign.to ? 'running' : 'ended';
}

/**
 * The rule in force with its campaign ended: a running campaign's last day becomes today (service
 * today still earns the bonus, as the office announced), one not started yet is taken out.
 */
export function endCampaignTerms(rule: PublishedRule, today: string): EarningRuleTerms {
  const { campaign, ...terms } = termsOf(rule);
  if (!campaign || campaign.from > today) return terms;
  return { ...terms, campaign: { ...campaign, to: campaign.to < today ? campaign.to : today } };
}

/** A new campaign's draft: from today for 30 days at half as much again, for `group`. */
export function newCampaign(
  today: string,
  group: { ageBand?: AgeBand | undefined; building?: string | undefined } = {},
): CampaignValues {
  const end = new Date(`${today}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 29);
  return {
    ageBand: group.ageBand ?? '',
    building: group.building ?? '',
    from: today,
    to: end.toISOString().slice(0, 10),
    bonusPercent: '50',
  };
}
