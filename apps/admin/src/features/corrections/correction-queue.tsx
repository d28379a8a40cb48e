import type { CorrectionRequest, CorrectionStatus } from '@tally/domain/corrections';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { useApi } from '../../api/api-context';
import { usePagedQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { mayManage } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading, LoadMore } from '../../ui/states';
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
        <div className="table-wrap">
          <table className="table correction-table">
            <caption className="visually-hidden">
              {filter === 'open' ? t('corrections.captionOpen') : t('corrections.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('corrections.resident')}</th>
                <th scope="col">{t('corrections.request')}</th>
                <th scope="col">{t('corrections.record')}</th>
                <th scope="col">{t('corrections.reason')}</th>
                <th scope="col">{t('corrections.raised')}</th>
                <th scope="col">{t('corrections.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {requests.items.map((request) => (
                <QueueRow key={request.id} request={request} />
              ))}
            </tbody>
          </table>
          <LoadMore
            hasMore={requests.hasNextPage}
            loading={requests.isFetchingNextPage}
            onLoad={() => void requests.fetchNextPage()}
          />
        </div>
      )}
    </>
  );
}

function QueueRow({ request }: { request: CorrectionRequest }) {
  const { t } = useTranslation();
  const user = useUser();
  const format = useFormat();
  const action =
    request.status === 'open' && mayManage(user.role)
      ? t('corrections.answer')
      : t('corrections.view');
  return (
    <tr>
      <td>
        <strong>{request.resident.name}</strong>
        <div className="muted nowrap">
          {t('corrections.card', { card: request.resident.cardNumber })}
        </div>
      </td>
      <td className="correction-request-cell">
        <CorrectionKindBadge kind={request.kind} />
        <ProposedLength request={request} />
      </td>
      <td>
        {request.record ? (
          <>
            {request.record.activity.title}
            <div className="muted">
              {request.record.organization.name} · {format.date(request.record.startedAt)}
            </div>
          </>
        ) : (
          <span className="muted">{t('corrections.noRecord')}</span>
        )}
      </td>
      <td className="correction-reason-cell">“{request.reason}”</td>
      <td className="nowrap">{format.dateTime(request.requestedAt)}</td>
      <td>
        <CorrectionStatusBadge status={request.status} />
      </td>
      <td>
        <Link
          href={`/corrections/${request.id}`}
          className={
            request.status === 'open' && mayManage(user.role)
              ? 'button button-primary button-small'
              : 'button button-small'
          }
          aria-label={t('corrections.openLabel', {
            action,
            name: request.resident.name,
            kind: t(`corrections.kind.${request.kind}`),
          })}
        >
          {action}
        </Link>
      </td>
    </tr>
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
