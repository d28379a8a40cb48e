import type { EarningCampaign } from '@tally/domain/earning-rules';
import type { PublishedRule } from '@tally/domain/rules';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { Badge } from '../../ui/badge';
import { todayLocal } from '../../ui/dates';
import { Dialog } from '../../ui/dialog';
import { ErrorNotice } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { CampaignEffectTable } from './campaign-effect-table';
import { useCampaignLabels } from './campaign-labels';
import { campaignState, endCampaignTerms } from './rule-form';

/**
 * The campaign of the rule in force: who it is for, its days and bonus, whether it is running,
 * what it changed so far, and (office) ending it today.
 */
export function CampaignPanel({
  rule,
  campaign,
  mayEnd,
}: {
  rule: PublishedRule;
  campaign: EarningCampaign;
  mayEnd: boolean;
}) {
  const { t } = useTranslation();
  const labels = useCampaignLabels();
  const [today] = useState(todayLocal);
  const state = campaignState(campaign, today);
  return (
    <section className="card stack-small" aria-labelledby="campaign-in-force">
      <div className="row-between">
        <h2 id="campaign-in-force">{t('rules.campaign.title')}</h2>
        <Badge tone={state === 'running' ? 'success' : state === 'scheduled' ? 'info' : 'neutral'}>
          {t(`rules.campaign.state.${state}`)}
        </Badge>
      </div>
      <p>{labels.summary(campaign)}</p>
      {/* A campaign whose last day is today already ends today. */}
      {mayEnd && state !== 'ended' && campaign.to > today ? (
        <EndCampaign rule={rule} today={today} />
      ) : null}
      <CampaignEffectTable campaign={campaign} />
    </section>
  );
}

function EndCampaign({ rule, today }: { rule: PublishedRule; today: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const terms = endCampaignTerms(rule, today);
  const end = useApiMutation(api.rules.publish.mutate, {
    invalidates: ['rules.get', 'rules.list', 'insights.campaignEffect'],
    onSuccess: (published) => {
      toast(t('rules.campaign.ended', { version: published.version }));
      setConfirming(false);
    },
  });
  const version = rule.version + 1;
  return (
    <>
      <div className="row">
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          {t('rules.campaign.end')}
        </button>
      </div>
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={t('rules.campaign.endTitle')}
        footer={
          <>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={end.isPending}
              onClick={() => end.mutate(terms)}
            >
              {t('rules.campaign.endConfirm')}
            </button>
          </>
        }
      >
        <p>
          {terms.campaign
            ? t('rules.campaign.endExplain', { version })
            : t('rules.campaign.endExplainScheduled', { version })}
        </p>
        <ErrorNotice error={end.error} />
      </Dialog>
    </>
  );
}
