import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { useUser } from '../../session/session-context';
import { PageHeader } from '../../ui/page-header';
import { ErrorNotice, Loading } from '../../ui/states';
import { KindBadge, MovementSummary } from '../ledger/ledger-labels';

/** An auditor starts at the ledger: its size, its newest entries, and the verify button. */
export function AuditorHome() {
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const format = useFormat();
  const latest = useApiQuery('ledger.journal', { limit: 8 }, api.ledger.journal.query);
  const total = latest.data?.items[0]?.sequence ?? 0;
  return (
    <>
      <PageHeader
        title={t('home.welcome', { name: user.displayName })}
        description={t('home.auditorIntro')}
        actions={
          <Link href="/ledger/verify" className="button button-primary">
            {t('nav.verify')}
          </Link>
        }
      />
      <div className="stat-grid">
        <section className="card stat">
          <span className="stat-label">{t('home.transactions')}</span>
          <span className="stat-value">{format.number(total)}</span>
          <Link href="/ledger" className="stat-link">
            {t('nav.journal')}
          </Link>
        </section>
        <section className="card stat">
          <span className="stat-label">{t('nav.audit')}</span>
          <span className="stat-value">—</span>
          <Link href="/audit" className="stat-link">
            {t('home.openAudit')}
          </Link>
        </section>
      </div>
      <section className="card stack-small" aria-labelledby="latest">
        <h2 id="latest">{t('home.latestEntries')}</h2>
        <ErrorNotice error={latest.error} />
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
