import type { EarningCampaign } from '@tally/domain/earning-rules';
import type { CampaignEffect, StretchParticipation } from '@tally/domain/reports';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { ErrorNotice, Loading } from '../../ui/states';
import { cellText, isShown } from '../reports/report-cells';
import { useCampaignLabels } from './campaign-labels';

/**
 * Did the campaign move its group: the group's participation rate before and during the
 * campaign beside everyone else's, so a rise everyone shared is not read as the campaign's.
 */
export function CampaignEffectTable({ campaign }: { campaign: EarningCampaign }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const labels = useCampaignLabels();
  const { from, to, ageBand, building } = campaign;
  const input = { from, to, ...(ageBand ? { ageBand } : {}), ...(building ? { building } : {}) };
  const effect = useApiQuery('insights.campaignEffect', input, api.insights.campaignEffect.query);
  if (effect.isPending) return <Loading />;
  if (!effect.data) return <ErrorNotice error={effect.error} />;
  const { before, during, group, everyoneElse } = effect.data;
  const day = format.calendarDay;
  const rows: [string, CampaignEffect['group']][] = [[labels.who(campaign), group]];
  if (everyoneElse) rows.push([t('rules.campaign.everyoneElse'), everyoneElse]);

  return (
    <div className="stack-small">
      <h3 id="campaign-effect">{t('rules.campaign.effect')}</h3>
      <p className="muted">
        {during
          ? t('rules.campaign.effectHint', {
              beforeFrom: day(before.from),
              beforeTo: day(before.to),
              duringFrom: day(during.from),
              duringTo: day(during.to),
            })
          : t('rules.campaign.effectNotStarted', {
              from: day(from),
              beforeFrom: day(before.from),
              beforeTo: day(before.to),
            })}
      </p>
      <div className="table-wrap">
        <table className="table" aria-labelledby="campaign-effect">
          <thead>
            <tr>
              <th scope="col">{t('rules.campaign.who')}</th>
              <th scope="col" className="number">
                {t('rules.campaign.before')}
              </th>
              <th scope="col" className="number">
                {t('rules.campaign.during')}
              </th>
              <th scope="col" className="number">
                {t('rules.campaign.change')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([who, stretches]) => (
              <tr key={who}>
                <th scope="row">{who}</th>
                <td className="number">
                  <Participation value={stretches.before} />
                </td>
                <td className="number">
                  {stretches.during ? <Participation value={stretches.during} /> : '—'}
                </td>
                <td className="number">
                  <Change before={stretches.before} during={stretches.during} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Participation({ value }: { value: StretchParticipation }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!isShown(value.rate)) return <>{cellText(value.participants, format.number)}</>;
  return (
    <>
      {t('rules.campaign.rateOf', {
        rate: format.percent(value.rate),
        participants: cellText(value.participants, format.number),
        residents: cellText(value.residents, format.number),
      })}
    </>
  );
}

/** The change in percentage points, when both rates are shown. */
function Change({
  before,
  during,
}: {
  before: StretchParticipation;
  during: StretchParticipation | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!during || !isShown(before.rate) || !isShown(during.rate)) return <>—</>;
  const points = Math.round((during.rate - before.rate) * 100);
  const sign = points > 0 ? '+' : points < 0 ? '−' : '±';
  return <>{t('rules.campaign.points', { change: `${sign}${format.number(Math.abs(points))}` })}</>;
}
