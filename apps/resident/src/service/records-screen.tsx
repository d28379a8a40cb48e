import { inLanguage } from '@tally/domain/localized-text';
import { useTranslation } from 'react-i18next';
import { usePages } from '../api/use-pages';
import { formatDay } from '../i18n/format';
import { hoursText } from '../i18n/hours';
import type { ScreenProps } from '../routed-screen';
import { Link } from '../router/location';
import { pathOf } from '../router/routes';
import { MoreButton } from '../ui/more-button';
import { ScreenTitle } from '../ui/screen-title';
import { Failure, Loading } from '../ui/status';
import { useLanguage } from '../ui/use-language';

const statusTag = {
  pending: 'tag tag-waiting',
  approved: 'tag',
  rejected: 'tag tag-refused',
} as const;

/** The resident's service records and where each stands; a wrong one is disputed from here. */
export function RecordsScreen({ api }: ScreenProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const pages = usePages('records', (cursor) =>
    api.records.query({ limit: 20, ...(cursor ? { cursor } : {}) }),
  );
  return (
    <section className="stack">
      <ScreenTitle title={t('records.title')} />
      <div className="actions">
        <Link to={pathOf({ name: 'history' })} className="button button-quiet">
          {t('links.history')}
        </Link>
        <Link to={pathOf({ name: 'corrections' })} className="button button-quiet">
          {t('links.corrections')}
        </Link>
        <Link to={pathOf({ name: 'certificates' })} className="button button-quiet">
          {t('links.certificates')}
        </Link>
      </div>
      {pages.loaded && pages.items.length === 0 && <p className="muted">{t('records.empty')}</p>}
      <ul className="list">
        {pages.items.map((record) => (
          <li key={record.id} className="card" data-testid="service-record">
            <h2 translate="no">{record.activity.title}</h2>
            <p>
              {inLanguage(record.organization.name, language)} ·{' '}
              {formatDay(record.serviceDate, language)} · {hoursText(t, record.minutes, language)}
            </p>
            <p className={statusTag[record.status]}>{t(`records.status.${record.status}`)}</p>
            {record.points !== null && record.status === 'approved' && (
              <p className="muted">{t('records.points', { count: record.points })}</p>
            )}
            {record.correctable && (
              <Link
                to={pathOf({ name: 'newCorrection', recordId: record.id })}
                className="button button-secondary"
              >
                {t('records.dispute')}
              </Link>
            )}
          </li>
        ))}
      </ul>
      {pages.loading && <Loading />}
      {pages.error != null && <Failure error={pages.error} onRetry={pages.reload} />}
      {pages.hasMore && !pages.loading && <MoreButton onClick={pages.more} />}
      <Link
        to={pathOf({ name: 'newCorrection', recordId: null })}
        className="button button-secondary"
      >
        {t('records.reportMissing')}
      </Link>
    </section>
  );
}
