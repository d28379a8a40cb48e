import { categoryIds, type ServiceCategory } from '@tally/domain/categories';
import type { PublishedRule } from '@tally/domain/rules';

/** The earning rule as typed: every number as text until it is checked. */
export type RuleValues = {
  basePointsPerHour: string;
  weights: Record<ServiceCategory, string>;
  dailyCapPoints: string;
  firstParticipationBonus: string;
};

export type RuleErrors = Partial<
  Record<'basePointsPerHour' | 'dailyCapPoints' | 'firstParticipationBonus' | ServiceCategory, true>
>;

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
  return errors;
}

/** The terms `rules.preview` and `rules.publish` take; a weight of 100 is the default, left out. */
export function toRuleTerms(values: RuleValues) {
  const categoryWeights = Object.fromEntries(
    categoryIds
      .filter((id) => Number(values.weights[id]) !== 100)
      .map((id) => [id, Number(values.weights[id])]),
  ) as Partial<Record<ServiceCategory, number>>;
  return {
    basePointsPerHour: Number(values.basePointsPerHour),
    categoryWeights,
    ...(values.dailyCapPoints.trim() ? { dailyCapPoints: Number(values.dailyCapPoints) } : {}),
    ...(values.firstParticipationBonus.trim()
      ? { firstParticipationBonus: Number(values.firstParticipationBonus) }
      : {}),
  };
}
