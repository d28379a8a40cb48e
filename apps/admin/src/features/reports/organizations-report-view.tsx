import type { OrganizationHealth, OrganizationsReport, ReportInput } from '@tally/domain/reports';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { cellText } from './report-cells';
import { ReportEmpty, ReportFrame } from './report-frame';
import { Sparkline } from './sparkline';

/** A leader who has logged nothing for this long leads an organization that may be fading. */
export const DORMANT_AFTER_DAYS = 30;

export function OrganizationsReportView({ input }: { input: ReportInput }) {
  const api = useApi();
  const query = useApiQuery('insights.organizations', input, api.insights.organizations.query);
  return <ReportFrame query={query}>{(report) => <Organizations report={report} />}</ReportFrame>;
}

function Organizations({ report }: { report: OrganizationsReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (report.organizations.length === 0) {
    return (
      <ReportEmpty title={t('reports.empty.title')}>{t('reports.empty.organizations')}</ReportEmpty>
    );
  }
  const dormant = report.organizations.filter(isDormant);
  const first = report.months[0];
  const last = report.months.at(-1);
  return (
    <section className="stack-small" aria-labelledby="organizations-health">
      <div className="row-between">
        <h2 id="organizations-health">{t('reports.organizations.title')}</h2>
        {dormant.length > 0 ? (
          <span className="badge badge-warning">
            {t('reports.organizations.dormantCount', { count: dormant.length })}
          </span>
        ) : null}
      </div>
      <p className="muted">
        {t('reports.organizations.hint', { days: DORMANT_AFTER_DAYS })}{' '}
        {first && last
          ? t('reports.organizations.trend', {
              from: format.calendarMonth(first),
              to: format.calendarMonth(last),
            })
          : null}
      </p>
      <div className="table-wrap report-table">
        <table className="table">
          <caption className="visually-hidden">{t('reports.organizations.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.organizations.organization')}</th>
              <th scope="col" className="number">
                {t('reports.organizations.members')}
              </th>
              <th scope="col" className="number">
                {t('reports.organizations.active')}
              </th>
              <th scope="col" className="number">
                {t('reports.organizations.new')}
              </th>
              <th scope="col" className="number">
                {t('reports.organizations.hours')}
              </th>
              <th scope="col">{t('reports.organizations.trendShort')}</th>
              <th scope="col">{t('reports.organizations.leaderLogged')}</th>
            </tr>
          </thead>
          <tbody>
            {report.organizations.map((organization) => (
              <OrganizationRow key={organization.id} organization={organization} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function isDormant(organization: OrganizationHealth): boolean {
  const days = organization.daysSinceLeaderLogged;
  return days === null || days >= DORMANT_AFTER_DAYS;
}

function OrganizationRow({ organization }: { organization: OrganizationHealth }) {
  const inLanguage = useLocalizedName();
  const { t } = useTranslation();
  const format = useFormat();
  const number = (cell: OrganizationHealth['members']) => cellText(cell, format.number);
  const trendLabel = t('reports.organizations.trendLabel', {
    name: inLanguage(organization.name),
    figures: organization.trend
      .map(
        (m) => `${format.calendarMonth(m.month)} ${cellText(m.hours, (h) => format.hours(h * 60))}`,
      )
      .join('; '),
  });
  const dormant = isDormant(organization);
  const days = organization.daysSinceLeaderLogged;
  return (
    <tr className={dormant ? 'report-row-dormant' : undefined}>
      <th scope="row" className="report-org-name">
        {inLanguage(organization.name)}
      </th>
      <td className="number">{number(organization.members)}</td>
      <td className="number">{number(organization.activeMembers)}</td>
      <td className="number">{number(organization.newMembers)}</td>
      <td className="number">{cellText(organization.hours, (h) => format.hours(h * 60))}</td>
      <td>
        <Sparkline values={organization.trend.map((m) => m.hours)} label={trendLabel} />
      </td>
      <td>
        {days === null ? (
          <span className="badge badge-danger">{t('reports.organizations.never')}</span>
        ) : (
          <span
            className={dormant ? 'badge badge-warning' : 'nowrap'}
            title={
              organization.leaderLastLoggedAt
                ? format.dateTime(organization.leaderLastLoggedAt)
                : undefined
            }
          >
            {days === 0
              ? t('reports.organizations.today')
              : t('reports.organizations.daysAgo', { count: days, days: format.number(days) })}
          </span>
        )}
      </td>
    </tr>
  );
}
