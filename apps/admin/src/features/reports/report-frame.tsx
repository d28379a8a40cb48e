import type { ReportPeriod } from '@tally/domain/reports';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { ErrorNotice, Loading } from '../../ui/states';

/** A report's call: loading, a human error, or the report with the period it covers. */
export function ReportFrame<T extends { period: ReportPeriod }>({
  query,
  children,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean };
  children: (report: T) => ReactNode;
}) {
  if (query.error) return <ErrorNotice error={query.error} />;
  if (query.isPending || !query.data) return <Loading />;
  return (
    <div className="stack">
      <PeriodLine period={query.data.period} />
      <FreshnessNote />
      {children(query.data)}
      <SuppressionNote />
    </div>
  );
}

/** "Figures for 29 Nov 2025 – 28 Nov 2026, all organizations." */
function PeriodLine({ period }: { period: ReportPeriod }) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApi();
  const organizations = useApiQuery('organizations.list', undefined, () =>
    api.organizations.list.query(),
  );
  const day = new Intl.DateTimeFormat(format.locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const show = (value: string) => day.format(new Date(`${value}T00:00:00Z`));
  const organization = period.organizationId
    ? (organizations.data?.find((o) => o.id === period.organizationId)?.name ?? '…')
    : t('reports.filters.allOrganizations');
  return (
    <p className="report-period" data-testid="report-period">
      {t('reports.periodLine', { from: show(period.from), to: show(period.to), organization })}
    </p>
  );
}

/**
 * Where reports are read from a replica (DATABASE_READ_URL), how far behind it is: said only
 * when it is behind by a second or more, or cannot tell.
 */
function FreshnessNote() {
  const { t } = useTranslation();
  const api = useApi();
  const freshness = useApiQuery('insights.freshness', undefined, () =>
    api.insights.freshness.query(),
  );
  const data = freshness.data;
  if (!data?.replica) return null;
  if (data.lagSeconds === null) {
    return <p className="report-footnote">{t('reports.replicaLagUnknown')}</p>;
  }
  if (data.lagSeconds < 1) return null;
  return (
    <p className="report-footnote" data-testid="replica-lag">
      {t('reports.replicaLag', { seconds: Math.round(data.lagSeconds) })}
    </p>
  );
}

function SuppressionNote() {
  const { t } = useTranslation();
  return (
    <p className="report-footnote">
      <span className="report-hidden-mark">&lt;5</span> {t('reports.suppressionNote')}
    </p>
  );
}

/** When a period has too little in it to report on, say so plainly instead of empty charts. */
export function ReportEmpty({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card report-empty">
      <h2>{title}</h2>
      <p className="muted">{children}</p>
    </section>
  );
}

/** A headline figure in a card. */
export function ReportStat({
  label,
  value,
  hint,
}: {
  label: string;
  value: string;
  hint?: ReactNode;
}) {
  return (
    <section className="card stat">
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value}</span>
      {hint ? <span className="muted">{hint}</span> : null}
    </section>
  );
}
