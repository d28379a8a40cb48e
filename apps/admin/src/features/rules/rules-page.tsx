import { categoryIds } from '@tally/domain/categories';
import type { PublishedRule } from '@tally/domain/rules';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useCategoryLabel } from '../../i18n/category-label';
import { useFormat } from '../../i18n/format';
import { mayManage } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { PageHeader } from '../../ui/page-header';
import { ErrorNotice, Loading } from '../../ui/states';
import { RuleEditor } from './rule-editor';

/** How approved hours become points: the rule in force, its versions, and (office) the next one. */
export function RulesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const format = useFormat();
  const current = useApiQuery('rules.get', undefined, () => api.rules.get.query());
  const versions = useApiQuery('rules.list', undefined, () => api.rules.list.query());

  return (
    <>
      <PageHeader title={t('rules.title')} description={t('rules.description')} />
      <ErrorNotice error={current.error ?? versions.error} />
      {current.isPending ? <Loading /> : null}
      {current.data ? <RuleSummary rule={current.data} /> : null}
      {current.data && mayManage(user.role) ? (
        <RuleEditor key={current.data.version} current={current.data} />
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
