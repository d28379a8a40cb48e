import type { ServiceRecord } from '@tally/domain/service';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation, usePagedQuery } from '../../api/queries';
import { useCategoryLabel } from '../../i18n/category-label';
import { useFormat } from '../../i18n/format';
import { useUser } from '../../session/session-context';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading, LoadMore } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { FlagBadges, FlagLegend } from './flag-explanations';
import { ApproveDialog, RejectDialog } from './review-dialogs';
import {
  noServiceFilters,
  ServiceFilters,
  type ServiceFilterValues,
  serviceListInput,
} from './service-filters';

/** Pending service, filtered, reviewed many at a time: approve, or reject with a reason. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const format = useFormat();
  const toast = useToast();
  const categoryLabel = useCategoryLabel();
  const [filters, setFilters] = useState<ServiceFilterValues>({
    ...noServiceFilters,
    status: 'pending',
  });
  const [selected, setSelected] = useState<string[]>([]);
  const [dialog, setDialog] = useState<'approve' | 'reject' | null>(null);
  const records = usePagedQuery(
    'service.list',
    { ...serviceListInput(filters), status: 'pending', limit: 50 },
    api.service.list.query,
  );
  // Maker–checker: nobody reviews what they logged themselves, nor what an account linked to
  // theirs logged (the service refuses both too).
  const mayReview = (record: ServiceRecord) =>
    record.loggedBy.id !== user.id && !record.loggedByLinkedAccount;
  const reviewable = records.items.filter(mayReview);
  const chosen = records.items.filter((record) => selected.includes(record.id));
  const review = useApiMutation(api.service.review.mutate, {
    invalidates: ['service.list', 'residents.list', 'residents.get', 'ledger.journal'],
    onSuccess: (result) => {
      const approved = result.records.filter((record) => record.status === 'approved');
      const points = approved.reduce((sum, record) => sum + (record.points ?? 0), 0);
      toast(
        approved.length > 0
          ? t('approvals.approvedToast', { count: approved.length, points: format.number(points) })
          : t('approvals.rejectedToast', { count: result.records.length }),
      );
      setSelected([]);
      setDialog(null);
    },
  });
  const allChosen = reviewable.length > 0 && reviewable.every((r) => selected.includes(r.id));
  const toggle = (record: ServiceRecord, on: boolean) =>
    setSelected((current) =>
      on ? [...current, record.id] : current.filter((id) => id !== record.id),
    );

  return (
    <>
      <PageHeader title={t('approvals.title')} description={t('approvals.description')} />
      <ServiceFilters
        value={filters}
        onChange={(next) => {
          setFilters(next);
          setSelected([]);
        }}
        showStatus={false}
      />
      <FlagLegend />
      <div className="action-bar" aria-live="polite">
        <span>
          <strong>{t('approvals.selected', { count: chosen.length })}</strong>
          {records.items.length > 0 ? (
            <span className="muted">
              {' '}
              · {t('approvals.shown', { count: records.items.length })}
              {records.hasNextPage ? '+' : ''}
            </span>
          ) : null}
        </span>
        <div className="row">
          <button
            type="button"
            className="button button-primary"
            disabled={chosen.length === 0 || review.isPending}
            onClick={() => setDialog('approve')}
          >
            {t('approvals.approve', { count: chosen.length })}
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={chosen.length === 0 || review.isPending}
            onClick={() => setDialog('reject')}
          >
            {t('approvals.reject', { count: chosen.length })}
          </button>
        </div>
      </div>
      <ErrorNotice error={records.error} />
      {records.isPending ? (
        <Loading />
      ) : records.items.length === 0 ? (
        <Empty>{t('approvals.none')}</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col" className="select-cell">
                  <input
                    type="checkbox"
                    className="checkbox"
                    aria-label={t('approvals.selectAll')}
                    checked={allChosen}
                    disabled={reviewable.length === 0}
                    onChange={(event) =>
                      setSelected(event.target.checked ? reviewable.map((r) => r.id) : [])
                    }
                  />
                </th>
                <th scope="col">{t('service.resident')}</th>
                <th scope="col">{t('service.activity')}</th>
                <th scope="col">{t('service.when')}</th>
                <th scope="col" className="number">
                  {t('service.duration')}
                </th>
                <th scope="col">{t('approvals.flags')}</th>
                <th scope="col">{t('service.loggedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {records.items.map((record) => {
                const own = record.loggedBy.id === user.id;
                const blocked = !mayReview(record);
                const isChosen = selected.includes(record.id);
                return (
                  <tr key={record.id} aria-selected={isChosen}>
                    <td className="select-cell">
                      <input
                        type="checkbox"
                        className="checkbox"
                        aria-label={t('approvals.selectRecord', {
                          name: record.resident.name,
                          title: record.activity.title,
                        })}
                        checked={isChosen}
                        disabled={blocked}
                        onChange={(event) => toggle(record, event.target.checked)}
                      />
                    </td>
                    <td>
                      <strong>{record.resident.name}</strong>
                      <div className="muted">{record.organization.name}</div>
                    </td>
                    <td>
                      {record.activity.title}
                      <div className="muted">
                        {categoryLabel(record.activity.category)} · {record.activity.place}
                      </div>
                      {record.note ? <div className="muted">“{record.note}”</div> : null}
                    </td>
                    <td className="nowrap">{format.dateTime(record.startedAt)}</td>
                    <td className="number">
                      {t('common.hours', { value: format.hours(record.minutes) })}
                    </td>
                    <td>
                      {record.flags.length === 0 ? (
                        <span className="muted">{t('approvals.noFlags')}</span>
                      ) : (
                        <FlagBadges flags={record.flags} />
                      )}
                    </td>
                    <td>
                      {record.loggedBy.displayName}
                      <div className="muted nowrap">{format.dateTime(record.loggedAt)}</div>
                      {own ? (
                        <div className="field-hint">{t('approvals.ownRecord')}</div>
                      ) : record.loggedByLinkedAccount ? (
                        <div className="field-hint">{t('approvals.linkedRecord')}</div>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <LoadMore
            hasMore={records.hasNextPage}
            loading={records.isFetchingNextPage}
            onLoad={() => void records.fetchNextPage()}
          />
        </div>
      )}
      <ApproveDialog
        open={dialog === 'approve'}
        records={chosen}
        pending={review.isPending}
        error={review.error}
        onClose={() => setDialog(null)}
        onConfirm={() => review.mutate({ recordIds: selected, decision: 'approve' })}
      />
      <RejectDialog
        open={dialog === 'reject'}
        count={chosen.length}
        pending={review.isPending}
        error={review.error}
        onClose={() => setDialog(null)}
        onConfirm={(reason) => review.mutate({ recordIds: selected, decision: 'reject', reason })}
      />
    </>
  );
}
