import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { useUser } from '../../session/session-context';
import { PageHeader } from '../../ui/page-header';
import { ErrorNotice, Loading } from '../../ui/states';
import { ExportPanel } from '../ledger/export-panel';
import { KindBadge, MovementSummary } from '../ledger/ledger-labels';

/** An auditor starts at the ledger: its size, its newest entries, the exports and verify. */
export function AuditorHome() {
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const format = useFormat();
  const latest = useApiQuery('ledger.journal', { limit: 8 }, api.ledger.journal.query);
  const dashboard = useApiQuery('insights.dashboard', undefined, () =>
    api.insights.dashboard.query(),
  );
  const total = latest.data?.items[0]?.sequence ?? 0;
  return (
    <>
      <PageHeader
        title={t('home.welcome', { name: user.displayName })}
        description={t('home.auditorIntro')}
        actions={
          <>
            <Link href="/audit" className="button">
              {t('home.openAudit')}
            </Link>
            <Link href="/ledger/verify" className="button button-primary">
              {t('nav.verify')}
            </Link>
          </>
        }
      />
      <div className="stat-grid">
        <section className="card stat">
          <span className="stat-label">{t('home.transactions')}</span>
          <span className="stat-value">{latest.data ? format.number(total) : '…'}</span>
          <Link href="/ledger" className="stat-link">
            {t('nav.journal')}
          </Link>
        </section>
        <section className="card stat">
          <span className="stat-label">
            {dashboard.data?.period.kind === 'recentDays'
              ? t('dashboard.hoursRecent', { days: dashboard.data.period.days })
              : t('home.monthHours')}
          </span>
          <span className="stat-value">
            {dashboard.data ? format.hours(dashboard.data.approvedMinutes) : '…'}
          </span>
          <Link href="/records" className="stat-link">
            {t('nav.records')}
          </Link>
        </section>
        <section className="card stat">
          <span className="stat-label">{t('dashboard.participants')}</span>
          <span className="stat-value">
            {dashboard.data ? format.number(dashboard.data.participants) : '…'}
          </span>
          <span className="muted">
            {dashboard.data?.period.kind === 'recentDays'
              ? t('dashboard.hoursHintRecent')
              : t('dashboard.hoursHint')}
          </span>
        </section>
      </div>
      <ExportPanel />
      <section className="card stack-small" aria-labelledby="latest">
        <h2 id="latest">{t('home.latestEntries')}</h2>
        <ErrorNotice error={latest.error ?? dashboard.error} />
        {latest.isPending ? (
          <Loading />
        ) : (
          <ul className="plain-list stack-small">
            {(latest.data?.items ?? []).map((entry) => (
              <li key={entry.id} className="latest-entry">
                <Link href={`/ledger/transactions/${entry.id}`}>#{entry.sequence}</Link>
                <KindBadge kind={entry.kind} />
                <span className="muted nowrap">{format.dateTime(entry.createdAt)}</span>
                <MovementSummary entry={entry} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
