import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearch } from 'wouter';
import { useApi } from '../../api/api-context';
import { usePagedQuery } from '../../api/queries';
import { useCategoryLabel } from '../../i18n/category-label';
import { useFormat } from '../../i18n/format';
import { useUser } from '../../session/session-context';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading, LoadMore } from '../../ui/states';
import { FlagBadges } from './flag-explanations';
import {
  noServiceFilters,
  ServiceFilters,
  type ServiceFilterValues,
  serviceListInput,
} from './service-filters';
import { ServiceStatusBadge } from './service-status-badge';

/** Logged service with its outcome; for a leader, what their organizations logged. */
export function RecordsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const format = useFormat();
  const categoryLabel = useCategoryLabel();
  const search = new URLSearchParams(useSearch());
  const [filters, setFilters] = useState<ServiceFilterValues>({
    ...noServiceFilters,
    organizationId: search.get('organization') ?? '',
  });
  // A leader of one organization knows whose records these are.
  const showOrganization = !filters.organizationId && user.organizationIds.length !== 1;
  const records = usePagedQuery(
    'service.list',
    { ...serviceListInput(filters), limit: 50 },
    api.service.list.query,
  );

  return (
    <>
      <PageHeader
        title={user.role === 'leader' ? t('records.mine') : t('records.title')}
        description={user.role === 'leader' ? t('records.mineHint') : t('records.description')}
      />
      <ServiceFilters value={filters} onChange={setFilters} showStatus />
      <ErrorNotice error={records.error} />
      {records.isPending ? (
        <Loading />
      ) : records.items.length === 0 ? (
        <Empty>{t('records.none')}</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('service.when')}</th>
                <th scope="col">{t('service.resident')}</th>
                <th scope="col">{t('service.activity')}</th>
                <th scope="col" className="number">
                  {t('service.duration')}
                </th>
                <th scope="col">{t('service.statusLabel')}</th>
                <th scope="col">{t('service.loggedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {records.items.map((record) => (
                <tr key={record.id}>
                  <td className="nowrap">{format.dateTime(record.startedAt)}</td>
                  <td>
                    {record.resident.name}
                    {showOrganization ? (
                      <div className="muted">{record.organization.name}</div>
                    ) : null}
                  </td>
                  <td>
                    <strong>{record.activity.title}</strong>
                    <div className="muted">
                      {categoryLabel(record.activity.category)} · {record.activity.place}
                    </div>
                    <FlagBadges flags={record.flags} explained={false} />
                  </td>
                  <td className="number">
                    {t('common.hours', { value: format.hours(record.minutes) })}
                  </td>
                  <td
                    title={
                      record.reviewedBy
                        ? `${record.reviewedBy.displayName}${record.reviewedAt ? ` · ${format.dateTime(record.reviewedAt)}` : ''}`
                        : undefined
                    }
                  >
                    <span className="row nowrap">
                      <ServiceStatusBadge status={record.status} />
                      {record.status === 'approved' && record.points !== null ? (
                        <span className="muted">
                          {t('records.pointsCredited', { points: format.number(record.points) })}
                        </span>
                      ) : null}
                    </span>
                    {record.status === 'rejected' && record.reason ? (
                      <div className="rejection-reason">
                        {t('records.reason')}: {record.reason}
                      </div>
                    ) : null}
                  </td>
                  <td>
                    {record.loggedBy.displayName}
                    <div className="muted nowrap">{format.dateTime(record.loggedAt)}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <LoadMore
            hasMore={records.hasNextPage}
            loading={records.isFetchingNextPage}
            onLoad={() => void records.fetchNextPage()}
          />
        </div>
      )}
    </>
  );
}
