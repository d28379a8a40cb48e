import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { useUser } from '../../session/session-context';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading } from '../../ui/states';

/** A leader's start: their organizations and how their logged hours are doing. */
export function LeaderHome() {
  const inLanguage = useLocalizedName();
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const format = useFormat();
  const organizations = useApiQuery('organizations.list', undefined, () =>
    api.organizations.list.query(),
  );
  const recent = useApiQuery('service.list', { limit: 100 }, api.service.list.query);
  const counts = { pending: 0, approved: 0, rejected: 0 };
  for (const record of recent.data?.items ?? []) counts[record.status] += 1;

  return (
    <>
      <PageHeader
        title={t('home.welcome', { name: user.displayName })}
        description={t('home.leaderIntro')}
        actions={
          <Link href="/log-hours" className="button button-primary">
            {t('nav.logHours')}
          </Link>
        }
      />
      <section className="card" aria-labelledby="recent-title">
        <h2 id="recent-title">{t('home.recentRecords')}</h2>
        <div className="stat-grid">
          {(['pending', 'approved', 'rejected'] as const).map((status) => (
            <div key={status} className="stat">
              <span className="stat-label">{t(`service.status.${status}`)}</span>
              <span className="stat-value">{format.number(counts[status])}</span>
              <Link href="/records" className="stat-link">
                {t('home.seeRecords')}
              </Link>
            </div>
          ))}
        </div>
      </section>
      <section className="stack-small" aria-labelledby="organizations-title">
        <h2 id="organizations-title">{t('organizations.mine')}</h2>
        <ErrorNotice error={organizations.error ?? recent.error} />
        {organizations.isPending ? (
          <Loading />
        ) : (organizations.data ?? []).length === 0 ? (
          <Empty>{t('organizations.noneLed')}</Empty>
        ) : (
          <div className="grid-2">
            {(organizations.data ?? []).map((organization) => (
              <article key={organization.id} className="card stack-small">
                <h3>{inLanguage(organization.name)}</h3>
                <p className="muted">
                  {t('organizations.memberCount', { count: organization.memberCount })}
                </p>
                <div className="row">
                  <Link
                    href={`/log-hours?organization=${organization.id}`}
                    className="button button-primary button-small"
                  >
                    {t('nav.logHours')}
                  </Link>
                  <Link href={`/organizations/${organization.id}`} className="button button-small">
                    {t('organizations.membersLink')}
                  </Link>
                </div>
              </article>
            ))}
          </div>
        )}
      </section>
    </>
  );
}
