import type { ServiceRecord } from '@tally/domain/service';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearch } from 'wouter';
import { useApi } from '../../api/api-context';
import { usePagedQuery } from '../../api/queries';
import { useCategoryLabel } from '../../i18n/category-label';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { useUser } from '../../session/session-context';
import { type DataColumn, DataTable } from '../../ui/data-table';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { FlagBadges } from './flag-explanations';
import { useRecordColumns } from './record-columns';
import {
  noServiceFilters,
  ServiceFilters,
  type ServiceFilterValues,
  serviceListInput,
} from './service-filters';
import { ServiceStatusBadge } from './service-status-badge';

/** Logged service with its outcome; for a leader, what their organizations logged. */
export function RecordsPage() {
  const inLanguage = useLocalizedName();
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

  const shared = useRecordColumns();
  const columns: DataColumn<ServiceRecord>[] = [
    shared.when,
    {
      id: 'resident',
      header: t('service.resident'),
      sortValue: (record) => record.resident.name,
      searchText: (record) => [
        record.resident.name,
        showOrganization ? inLanguage(record.organization.name) : null,
      ],
      cell: (record) => (
        <>
          {record.resident.name}
          {showOrganization ? (
            <div className="muted">{inLanguage(record.organization.name)}</div>
          ) : null}
        </>
      ),
    },
    {
      id: 'activity',
      className: 'long-text',
      header: t('service.activity'),
      sortValue: (record) => record.activity.title,
      searchText: (record) => [
        record.activity.title,
        categoryLabel(record.activity.category),
        record.activity.place,
      ],
      cell: (record) => (
        <>
          <strong>{record.activity.title}</strong>
          <div className="muted">
            {categoryLabel(record.activity.category)} · {record.activity.place}
          </div>
          <FlagBadges flags={record.flags} explained={false} />
        </>
      ),
    },
    shared.duration,
    {
      id: 'status',
      header: t('service.statusLabel'),
      sortValue: (record) => t(`service.status.${record.status}`),
      searchText: (record) => [t(`service.status.${record.status}`), record.reason],
      cell: (record) => <RecordOutcome record={record} />,
    },
    {
      id: 'loggedBy',
      header: t('service.loggedBy'),
      sortValue: (record) => record.loggedBy.displayName,
      cell: (record) => (
        <>
          {record.loggedBy.displayName}
          <div className="muted nowrap">{format.dateTime(record.loggedAt)}</div>
        </>
      ),
    },
  ];

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
        <DataTable
          rows={records.items}
          columns={columns}
          rowKey={(record) => record.id}
          search
          more={{
            hasMore: records.hasNextPage,
            loading: records.isFetchingNextPage,
            onLoad: () => void records.fetchNextPage(),
          }}
        />
      )}
    </>
  );
}

/** A record's review: its status, the points it earned, or why it was rejected. */
function RecordOutcome({ record }: { record: ServiceRecord }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div
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
    </div>
  );
}
