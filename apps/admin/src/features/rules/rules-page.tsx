import { ageBands } from '@tally/domain/age-bands';
import { categoryIds } from '@tally/domain/categories';
import type { PublishedRule } from '@tally/domain/rules';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useCategoryLabel } from '../../i18n/category-label';
import { useFormat } from '../../i18n/format';
import { mayManage } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { PageHeader } from '../../ui/page-header';
import { ErrorNotice, Loading } from '../../ui/states';
import { type CampaignGroup, useCampaignLabels } from './campaign-labels';
import { CampaignPanel } from './campaign-panel';
import { RuleEditor } from './rule-editor';

/**
 * `/rules?ageBand=under_30` or `?building=7` (both may be given): the group the report's "who is
 * missing" asks a campaign for; undefined when the address names none.
 */
export function campaignGroupFromSearch(search: string): CampaignGroup | undefined {
  const query = new URLSearchParams(search);
  const ageBand = ageBands.find((band) => band === query.get('ageBand'));
  const building = query.get('building')?.trim().slice(0, 50) || undefined;
  return ageBand || building ? { ageBand, building } : undefined;
}

/** How approved hours become points: the rule in force, its versions, and (office) the next one. */
export function RulesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const format = useFormat();
  const campaignLabels = useCampaignLabels();
  const [, navigate] = useLocation();
  const startCampaign = campaignGroupFromSearch(useSearch());
  const current = useApiQuery('rules.get', undefined, () => api.rules.get.query());
  const versions = useApiQuery('rules.list', undefined, () => api.rules.list.query());

  return (
    <>
      <PageHeader title={t('rules.title')} description={t('rules.description')} />
      <ErrorNotice error={current.error ?? versions.error} />
      {current.isPending ? <Loading /> : null}
      {current.data ? <RuleSummary rule={current.data} /> : null}
      {current.data?.campaign ? (
        <CampaignPanel
          rule={current.data}
          campaign={current.data.campaign}
          mayEnd={mayManage(user.role)}
        />
      ) : null}
      {current.data && mayManage(user.role) ? (
        <RuleEditor
          key={current.data.version}
          current={current.data}
          startCampaign={startCampaign}
          // Once published, the address no longer asks for a new campaign.
          onPublished={() => navigate('/rules', { replace: true })}
        />
      ) : null}
      {versions.data && versions.data.length > 0 ? (
        <section className="stack-small" aria-labelledby="versions-title">
          <h2 id="versions-title">{t('rules.versions')}</h2>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('rules.version')}</th>
                  <th scope="col">{t('rules.publishedAt')}</th>
                  <th scope="col">{t('rules.publishedBy')}</th>
                  <th scope="col" className="number">
                    {t('rules.base')}
                  </th>
                  <th scope="col" className="number">
                    {t('rules.cap')}
                  </th>
                  <th scope="col" className="number">
                    {t('rules.bonus')}
                  </th>
                  <th scope="col">{t('rules.campaign.inForce')}</th>
                </tr>
              </thead>
              <tbody>
                {versions.data.map((rule) => (
                  <tr key={rule.version}>
                    <td>v{rule.version}</td>
                    <td className="nowrap">{format.dateTime(rule.publishedAt)}</td>
                    <td>{rule.publishedBy?.displayName ?? t('rules.system')}</td>
                    <td className="number">{format.number(rule.basePointsPerHour)}</td>
                    <td className="number">
                      {rule.dailyCapPoints === null ? '—' : format.number(rule.dailyCapPoints)}
                    </td>
                    <td className="number">
                      {rule.firstParticipationBonus === null
                        ? '—'
                        : format.number(rule.firstParticipationBonus)}
                    </td>
                    <td>
                      {rule.campaign
                        ? t('rules.campaign.short', {
                            who: campaignLabels.who(rule.campaign),
                            bonus: rule.campaign.bonusPercent,
                          })
                        : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}

function RuleSummary({ rule }: { rule: PublishedRule }) {
  const { t } = useTranslation();
  const format = useFormat();
  const categoryLabel = useCategoryLabel();
  const campaignLabels = useCampaignLabels();
  return (
    <section className="card stack-small" aria-labelledby="current-rule">
      <h2 id="current-rule">{t('rules.inForce', { version: rule.version })}</h2>
      <p className="muted">
        {t('rules.publishedLine', {
          date: format.dateTime(rule.publishedAt),
          by: rule.publishedBy?.displayName ?? t('rules.system'),
        })}
      </p>
      <dl className="details">
        <dt>{t('rules.base')}</dt>
        <dd>{t('rules.perHour', { points: format.number(rule.basePointsPerHour) })}</dd>
        <dt>{t('rules.cap')}</dt>
        <dd>
          {rule.dailyCapPoints === null ? t('rules.noCap') : format.number(rule.dailyCapPoints)}
        </dd>
        <dt>{t('rules.bonus')}</dt>
        <dd>
          {rule.firstParticipationBonus === null
            ? t('rules.noBonus')
            : format.number(rule.firstParticipationBonus)}
        </dd>
        <dt>{t('rules.campaign.inForce')}</dt>
        <dd>
          {rule.campaign ? campaignLabels.summary(rule.campaign) : t('rules.campaign.noneInForce')}
        </dd>
        <dt>{t('rules.timeBank')}</dt>
        <dd data-testid="rule-time-bank">
          {t(rule.timeBankEarns ? 'rules.timeBankEarnsOn' : 'rules.timeBankEarnsOff')}
        </dd>
        <dt>{t('rules.weights')}</dt>
        <dd>
          <ul className="plain-list weights-list">
            {categoryIds.map((id) => (
              <li key={id}>
                {categoryLabel(id)}: <strong>{rule.categoryWeights[id] ?? 100}%</strong>
              </li>
            ))}
          </ul>
        </dd>
      </dl>
    </section>
  );
}
