import type { GroupParticipation, UnderRepresentedGroup } from '@tally/domain/reports';
import type { TFunction } from 'i18next';
import type { Formatter } from '../../i18n/format';
import type { GroupLabels } from './group-labels';
import { isShown, shareOf } from './report-cells';

/**
 * The callout "who is missing" as a sentence a community worker can read out: the group's share
 * of residents against its share of participants, then its own rate against the overall one.
 * A group whose participants are hidden ("<5") is described without any figure about them.
 */
export function underRepresentedSentence(
  group: UnderRepresentedGroup,
  total: GroupParticipation,
  { t, format, labels }: { t: TFunction; format: Formatter; labels: GroupLabels },
): string {
  const who = labels.who(group.dimension, group.group);
  const overall = isShown(group.overallRate) ? format.percent(group.overallRate) : null;
  const residentShare = shareOf(group.residents, total.residents);
  const participantShare = shareOf(group.participants, total.participants);
  if (residentShare !== null && participantShare !== null && isShown(group.rate) && overall) {
    return t('reports.callout.shares', {
      who,
      residentShare: format.percent(residentShare),
      participantShare: format.percent(participantShare),
      rate: format.percent(group.rate),
      overall,
    });
  }
  if (isShown(group.residents) && !isShown(group.participants) && overall) {
    return t('reports.callout.fewTookPart', {
      who,
      residents: format.number(group.residents),
      overall,
    });
  }
  return t('reports.callout.plain', { who });
}

/** The rule editor, opened with a new campaign for the group (see the rules page). */
export function campaignAddress(group: Pick<UnderRepresentedGroup, 'dimension' | 'group'>): string {
  const key = group.dimension === 'age_band' ? 'ageBand' : 'building';
  return `/rules?${new URLSearchParams({ [key]: group.group })}`;
}
