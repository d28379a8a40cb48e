import { type ReportInput, type ReportName, reportNames } from '@tally/domain/reports';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearch } from 'wouter';
import { PageHeader } from '../../ui/page-header';
import { ErrorNotice } from '../../ui/states';
import { DownloadReportButton } from './download-report-button';
import { MotivationReportView } from './motivation-report-view';
import { OrganizationsReportView } from './organizations-report-view';
import { ReportFilterBar } from './report-filter-bar';
import { filtersSearch, readFilters, reportFromPath, reportInput } from './report-filters';
import { StructureReportView } from './structure-report-view';
import { WillingnessReportView } from './willingness-report-view';
import './reports.css';

const views: Record<ReportName, (props: { input: ReportInput }) => React.ReactNode> = {
  structure: StructureReportView,
  willingness: WillingnessReportView,
  motivation: MotivationReportView,
  organizations: OrganizationsReportView,
};

/**
 * The participation reports, one tab each (`/reports/<name>`), sharing one filter bar whose
 * period and organization live in the address, so a link reproduces the view.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const params = useParams<{ report?: string }>();
  const report = reportFromPath(params.report);
  const search = useSearch();
  const [, navigate] = useLocation();
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const filters = readFilters(search);
  const query = filtersSearch(filters);
  const asked = reportInput(filters);
  const View = views[report];

  return (
    <>
      <PageHeader
        title={t('reports.title')}
        description={t('reports.description')}
        actions={
          <DownloadReportButton report={report} input={asked.input} onError={setDownloadError} />
        }
      />
      <ReportFilterBar
        value={filters}
        problem={asked.problem}
        onChange={(next) => navigate(`/reports/${report}${filtersSearch(next)}`, { replace: true })}
      />
      <ErrorNotice error={downloadError} />
      <nav className="report-tabs" aria-label={t('reports.tabsLabel')}>
        {reportNames.map((name) => (
          <Link
            key={name}
            href={`/reports/${name}${query}`}
            className="report-tab"
            aria-current={name === report ? 'page' : undefined}
          >
            {t(`reports.tabs.${name}`)}
          </Link>
        ))}
      </nav>
      <div className="report-body">
        {asked.input ? (
          <View input={asked.input} />
        ) : (
          <div className="card empty">{t('reports.filters.choosePeriod')}</div>
        )}
      </div>
    </>
  );
}
