import type { AgeBand } from '@tally/domain/age-bands';
import type { EarningCampaign } from '@tally/domain/earning-rules';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { useGroupLabels } from '../reports/group-labels';

export type CampaignGroup = { ageBand?: AgeBand | undefined; building?: string | undefined };

/** A campaign's group and whole campaign in words, in the reports' words for the same groups. */
export function useCampaignLabels() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const labels = useGroupLabels();
  const who = ({ ageBand, building }: CampaignGroup): string => {
    if (ageBand && building) {
      return t('rules.campaign.group', {
        who: labels.who('age_band', ageBand),
        building: labels.name('building', building),
      });
    }
    if (ageBand) return labels.who('age_band', ageBand);
    if (building) return labels.who('building', building);
    return t('rules.campaign.everyone');
  };
  // English puts the group mid-sentence: "50% more points for people under 30".
  const inSentence = (text: string) =>
    i18n.language === 'en' ? text.charAt(0).toLowerCase() + text.slice(1) : text;
  const summary = (campaign: EarningCampaign): string =>
    t('rules.campaign.summary', {
      bonus: campaign.bonusPercent,
      who: inSentence(who(campaign)),
      from: format.calendarDay(campaign.from),
      to: format.calendarDay(campaign.to),
    });
  return { who, summary };
}
