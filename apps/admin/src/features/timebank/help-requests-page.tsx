import {
  type HelpKind,
  type HelpRequest,
  type HelpRequestStatus,
  helpKinds,
  helpRequestStatuses,
  liveClaimStatuses,
} from '@tally/domain/timebank';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { useApi } from '../../api/api-context';
import { usePagedQuery } from '../../api/queries';
import { useBuildingLabel, useFormat } from '../../i18n/format';
import { Badge } from '../../ui/badge';
import { type DataColumn, DataTable } from '../../ui/data-table';
import { Field } from '../../ui/field';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { RequestForDialog } from './request-for-dialog';
import {
  RequestStatusBadge,
  TimeBankTabs,
  useHelpKindLabel,
  useMinutesLabel,
} from './timebank-labels';

/** The list's filters, kept in the address so a filtered list can be linked and reloaded. */
export type HelpRequestFilters = {
  status: HelpRequestStatus | '';
  kind: HelpKind | '';
  disputed: boolean;
};

export function filtersOf(search: string): HelpRequestFilters {
  const params = new URLSearchParams(search);
  const status = params.get('status');
  const kind = params.get('kind');
  return {
    status: helpRequestStatuses.find((each) => each === status) ?? '',
    kind: helpKinds.find((each) => each === kind) ?? '',
    disputed: params.get('disputed') === '1',
  };
}

export function searchOf(filters: HelpRequestFilters): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.disputed) params.set('disputed', '1');
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** The filters as `timebank.list` takes them; empty ones are left out. */
export function listInput(filters: HelpRequestFilters) {
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.disputed ? { disputed: true } : {}),
  };
}

const inDispute = (request: HelpRequest) =>
  request.claims.some((claim) => claim.status === 'disputed');

/** Every request for help in the community, newest first; disputed ones flagged for the office. */
export function HelpRequestsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const [, navigate] = useLocation();
  const filters = filtersOf(useSearch());
  const [asking, setAsking] = useState(false);
  const requests = usePagedQuery(
    'timebank.list',
    { ...listInput(filters), limit: 50 },
    api.timebank.list.query,
  );
  const columns = useRequestColumns();
  const set = (next: Partial<HelpRequestFilters>) =>
    navigate(`/timebank${searchOf({ ...filters, ...next })}`, { replace: true });

  return (
    <>
      <PageHeader
        title={t('timebank.title')}
        description={t('timebank.description')}
        actions={
          <button type="button" className="button button-primary" onClick={() => setAsking(true)}>
            {t('timebank.list.askFor')}
          </button>
        }
      />
      <TimeBankTabs current="requests" />
      <RequestFilters value={filters} onChange={set} />
      <ErrorNotice error={requests.error} />
      {requests.isPending ? (
        <Loading />
      ) : requests.items.length === 0 ? (
        requests.error ? null : (
          <Empty>{t('timebank.list.none')}</Empty>
        )
      ) : (
        <DataTable
          rows={requests.items}
          columns={columns}
          rowKey={(request) => request.id}
          rowProps={(request) => (inDispute(request) ? { className: 'help-disputed' } : {})}
          className="help-requests-table"
          caption={t('timebank.sections.requests')}
          search
          more={{
            hasMore: requests.hasNextPage,
            loading: requests.isFetchingNextPage,
            onLoad: () => void requests.fetchNextPage(),
          }}
        />
      )}
      {asking ? (
        <RequestForDialog
          onClose={() => setAsking(false)}
          onAsked={(id) => navigate(`/timebank/${id}`)}
        />
      ) : null}
    </>
  );
}

function RequestFilters({
  value,
  onChange,
}: {
  value: HelpRequestFilters;
  onChange: (next: Partial<HelpRequestFilters>) => void;
}) {
  const { t } = useTranslation();
  const kindLabel = useHelpKindLabel();
  const active = Boolean(value.status || value.kind || value.disputed);
  return (
    <search className="filters card" aria-label={t('timebank.list.filters')}>
      <Field label={t('timebank.list.statusLabel')}>
        {(control) => (
          <select
            {...control}
            className="select"
            value={value.status}
            onChange={(event) =>
              onChange({ status: event.target.value as HelpRequestFilters['status'] })
            }
          >
            <option value="">{t('common.all')}</option>
            {helpRequestStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`timebank.status.${status}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('timebank.list.kindLabel')}>
        {(control) => (
          <select
            {...control}
            className="select"
            value={value.kind}
            onChange={(event) =>
              onChange({ kind: event.target.value as HelpRequestFilters['kind'] })
            }
          >
            <option value="">{t('common.all')}</option>
            {helpKinds.map((kind) => (
              <option key={kind} value={kind}>
                {kindLabel(kind)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="check-label">
        <input
          type="checkbox"
          checked={value.disputed}
          onChange={(event) => onChange({ disputed: event.target.checked })}
        />
        {t('timebank.list.disputed')}
      </label>
      {active ? (
        <button
          type="button"
          className="button button-ghost"
          onClick={() => onChange({ status: '', kind: '', disputed: false })}
        >
          {t('common.clearFilters')}
        </button>
      ) : null}
    </search>
  );
}

function useRequestColumns(): DataColumn<HelpRequest>[] {
  const { t } = useTranslation();
  const format = useFormat();
  const kindLabel = useHelpKindLabel();
  const minutes = useMinutesLabel();
  const buildingLabel = useBuildingLabel();
  return [
    {
      id: 'kind',
      className: 'long-text',
      header: t('timebank.list.columns.kind'),
      sortValue: (request) => kindLabel(request.kind),
      searchText: (request) => [kindLabel(request.kind), request.description],
      cell: (request) => (
        <>
          <Link href={`/timebank/${request.id}`}>
            <strong>{kindLabel(request.kind)}</strong>
          </Link>
          {request.description ? (
            <div className="muted" translate="no">
              {request.description.length > 60
                ? `${request.description.slice(0, 60)}…`
                : request.description}
            </div>
          ) : null}
          {inDispute(request) ? (
            <div>
              <Badge tone="danger">{t('timebank.list.inDispute')}</Badge>
            </div>
          ) : null}
        </>
      ),
    },
    {
      id: 'requester',
      header: t('timebank.list.columns.requester'),
      sortValue: (request) => request.requesterName ?? '',
      cell: (request) =>
        request.requesterName ? (
          <span translate="no">{request.requesterName}</span>
        ) : (
          t('timebank.neighbour')
        ),
    },
    {
      id: 'building',
      header: t('timebank.list.columns.building'),
      sortValue: (request) => buildingLabel(request.building),
      cell: (request) => <span translate="no">{buildingLabel(request.building)}</span>,
    },
    {
      id: 'when',
      className: 'nowrap',
      header: t('timebank.list.columns.when'),
      sortValue: (request) => (request.when ? Date.parse(request.when) : 0),
      cell: (request) => (request.when ? format.dateTime(request.when) : t('timebank.list.notSet')),
    },
    {
      id: 'estimate',
      className: 'number',
      header: t('timebank.list.columns.estimate'),
      sortValue: (request) => request.minutesEstimate,
      cell: (request) => minutes(request.minutesEstimate),
    },
    {
      id: 'status',
      header: t('timebank.list.columns.status'),
      sortValue: (request) => t(`timebank.status.${request.status}`),
      cell: (request) => <RequestStatusBadge status={request.status} />,
    },
    {
      id: 'claims',
      header: t('timebank.list.columns.claims'),
      sortValue: (request) => liveClaims(request),
      cell: (request) => <ClaimsSummary request={request} />,
    },
    {
      id: 'asked',
      className: 'nowrap',
      header: t('timebank.list.columns.asked'),
      sortValue: (request) => Date.parse(request.createdAt),
      cell: (request) => format.date(request.createdAt),
    },
  ];
}

const liveClaims = (request: HelpRequest) =>
  request.claims.filter((claim) => liveClaimStatuses.includes(claim.status)).length;

/** "2 helpers · 1 place left", or nobody yet. */
function ClaimsSummary({ request }: { request: HelpRequest }) {
  const { t } = useTranslation();
  const count = liveClaims(request);
  const parts = [
    count === 0 ? t('timebank.list.noClaims') : t('timebank.list.claims', { count }),
    ...(request.placesLeft > 0 && request.status !== 'cancelled'
      ? [t('timebank.list.placesLeft', { count: request.placesLeft })]
      : []),
  ];
  return <span>{parts.join(t('timebank.separator'))}</span>;
}
