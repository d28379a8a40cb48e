import type {
  CorrectionRequest,
  CorrectionStatus,
  MissingRecordDetails,
} from '@tally/domain/corrections';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { useApi } from '../../api/api-context';
import { usePagedQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { mayManage } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { type DataColumn, DataTable } from '../../ui/data-table';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { CorrectionKindBadge, CorrectionStatusBadge } from './correction-labels';

type Filter = CorrectionStatus | 'all';
const filters: Filter[] = ['open', 'accepted', 'declined', 'all'];

/** The office's queue: waiting requests first (the default view), then what was answered. */
export function CorrectionQueue() {
  const { t } = useTranslation();
  const api = useApi();
  const [, navigate] = useLocation();
  const name = useId();
  const shown = new URLSearchParams(useSearch()).get('show');
  const filter: Filter = filters.includes(shown as Filter) ? (shown as Filter) : 'open';
  const columns = useQueueColumns();
  const requests = usePagedQuery(
    'corrections.list',
    filter === 'all' ? { limit: 50 } : { status: filter, limit: 50 },
    api.corrections.list.query,
  );

  return (
    <>
      <PageHeader title={t('corrections.title')} description={t('corrections.description')} />
      <fieldset className="plain-fieldset correction-filter">
        <legend className="field-label">{t('corrections.show')}</legend>
        <div className="segmented">
          {filters.map((choice) => (
            <label key={choice}>
              <input
                type="radio"
                name={name}
                value={choice}
                checked={filter === choice}
                onChange={() =>
                  navigate(choice === 'open' ? '/corrections' : `/corrections?show=${choice}`, {
                    replace: true,
                  })
                }
              />
              {t(`corrections.filters.${choice}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <ErrorNotice error={requests.error} />
      {requests.isPending ? (
        <Loading />
      ) : requests.items.length === 0 ? (
        requests.error ? null : (
          <Empty>{t(`corrections.none.${filter}`)}</Empty>
        )
      ) : (
        <DataTable
          rows={requests.items}
          columns={columns}
          rowKey={(request) => request.id}
          className="correction-table"
          caption={filter === 'open' ? t('corrections.captionOpen') : t('corrections.caption')}
          search
          more={{
            hasMore: requests.hasNextPage,
            loading: requests.isFetchingNextPage,
            onLoad: () => void requests.fetchNextPage(),
          }}
        />
      )}
    </>
  );
}

/** The queue's columns; what the resident asked about is named as the office reads it. */
function useQueueColumns(): DataColumn<CorrectionRequest>[] {
  const inLanguage = useLocalizedName();
  const { t } = useTranslation();
  const user = useUser();
  const format = useFormat();
  const answers = (request: CorrectionRequest) => request.status === 'open' && mayManage(user.role);
  const recordTitle = (request: CorrectionRequest) =>
    request.record?.activity.title ??
    request.missing?.activityTitle ??
    t('corrections.activityNotNamed');
  return [
    {
      id: 'resident',
      header: t('corrections.resident'),
      sortValue: (request) => request.resident.name,
      searchText: (request) => [request.resident.name, request.resident.cardNumber],
      cell: (request) => (
        <>
          <strong>{request.resident.name}</strong>
          <div className="muted nowrap">
            {t('corrections.card', { card: request.resident.cardNumber })}
          </div>
        </>
      ),
    },
    {
      id: 'request',
      header: t('corrections.request'),
      className: 'correction-request-cell',
      sortValue: (request) => t(`corrections.kind.${request.kind}`),
      cell: (request) => (
        <>
          <CorrectionKindBadge kind={request.kind} />
          <ProposedLength request={request} />
        </>
      ),
    },
    {
      id: 'record',
      className: 'long-text',
      header: t('corrections.record'),
      sortValue: recordTitle,
      searchText: (request) => [
        recordTitle(request),
        request.record ? inLanguage(request.record.organization.name) : null,
        request.missing?.organization ? inLanguage(request.missing.organization.name) : null,
      ],
      cell: (request) =>
        request.record ? (
          <>
            {request.record.activity.title}
            <div className="muted">
              {inLanguage(request.record.organization.name)} ·{' '}
              {format.date(request.record.startedAt)}
            </div>
          </>
        ) : request.missing ? (
          <MissingRecordSummary missing={request.missing} />
        ) : (
          <span className="muted">{t('corrections.noRecord')}</span>
        ),
    },
    {
      id: 'reason',
      header: t('corrections.reason'),
      className: 'correction-reason-cell long-text',
      sortValue: (request) => request.reason || null,
      cell: (request) =>
        request.reason ? (
          `“${request.reason}”`
        ) : (
          <span className="muted">{t('corrections.noReason')}</span>
        ),
    },
    {
      id: 'raised',
      header: t('corrections.raised'),
      className: 'nowrap',
      sortValue: (request) => Date.parse(request.requestedAt),
      searchText: (request) => format.dateTime(request.requestedAt),
      cell: (request) => format.dateTime(request.requestedAt),
    },
    {
      id: 'state',
      header: t('corrections.state'),
      sortValue: (request) => t(`corrections.status.${request.status}`),
      cell: (request) => <CorrectionStatusBadge status={request.status} />,
    },
    {
      id: 'action',
      header: <span className="visually-hidden">{t('common.actions')}</span>,
      cell: (request) => {
        const action = answers(request) ? t('corrections.answer') : t('corrections.view');
        return (
          <Link
            href={`/corrections/${request.id}`}
            className={
              answers(request) ? 'button button-primary button-small' : 'button button-small'
            }
            aria-label={t('corrections.openLabel', {
              action,
              name: request.resident.name,
              kind: t(`corrections.kind.${request.kind}`),
            })}
          >
            {action}
          </Link>
        );
      },
    },
  ];
}

/** The missing service as the resident named it at the kiosk: activity, organization, day. */
export function MissingRecordSummary({ missing }: { missing: MissingRecordDetails }) {
  const { t } = useTranslation();
  const format = useFormat();
  const localized = useLocalizedName();
  const where = [
    missing.organization ? localized(missing.organization.name) : null,
    missing.serviceDate ? format.date(`${missing.serviceDate}T12:00:00Z`) : null,
  ].filter(Boolean);
  return (
    <>
      <span className="muted">{t('corrections.noRecord')}</span>
      <div>{missing.activityTitle ?? t('corrections.activityNotNamed')}</div>
      {where.length > 0 ? <div className="muted">{where.join(' · ')}</div> : null}
    </>
  );
}

/** What the resident says the length should be, beside what was recorded. */
export function ProposedLength({ request }: { request: CorrectionRequest }) {
  const { t } = useTranslation();
  const format = useFormat();
  const hours = (minutes: number) => t('common.hours', { value: format.hours(minutes) });
  const proposed = request.proposedMinutes;
  return (
    <>
      {proposed !== null && (proposed > 0 || request.kind === 'wrong_hours') ? (
        <div>{t(`corrections.asksFor.${request.kind}`, { hours: hours(proposed) })}</div>
      ) : null}
      {request.record ? (
        <div className="muted">
          {t('corrections.recorded', { hours: hours(request.record.minutes) })}
        </div>
      ) : null}
    </>
  );
}
