import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useCategoryLabel } from '../../i18n/category-label';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { ServiceStatusBadge } from '../service/service-status-badge';

/** A resident's latest records, to check a "missing record" against what is there. */
export function RecentService({ residentId }: { residentId: string }) {
  const inLanguage = useLocalizedName();
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const categoryLabel = useCategoryLabel();
  const records = useApiQuery('service.list', { residentId, limit: 10 }, api.service.list.query);
  const items = records.data?.items ?? [];
  return (
    <section className="stack-small" aria-labelledby="recent-title">
      <h2 id="recent-title">{t('corrections.recentTitle')}</h2>
      <ErrorNotice error={records.error} />
      {records.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        records.error ? null : (
          <Empty>{t('corrections.recentNone')}</Empty>
        )
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('corrections.recentCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('corrections.when')}</th>
                <th scope="col">{t('corrections.activity')}</th>
                <th scope="col">{t('corrections.organization')}</th>
                <th scope="col" className="number">
                  {t('corrections.length')}
                </th>
                <th scope="col">{t('corrections.recordStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((record) => (
                <tr key={record.id}>
                  <td className="nowrap">{format.dateTime(record.startedAt)}</td>
                  <td>
                    {record.activity.title}
                    <div className="muted">
                      {categoryLabel(record.activity.category)} · {record.activity.place}
                    </div>
                  </td>
                  <td>{inLanguage(record.organization.name)}</td>
                  <td className="number">
                    {t('common.hours', { value: format.hours(record.minutes) })}
                  </td>
                  <td>
                    <ServiceStatusBadge status={record.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
