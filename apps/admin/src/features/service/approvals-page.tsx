import type { ServiceRecord } from '@tally/domain/service';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation, usePagedQuery } from '../../api/queries';
import { useCategoryLabel } from '../../i18n/category-label';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { useUser } from '../../session/session-context';
import { type DataColumn, DataTable } from '../../ui/data-table';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { FlagBadges, FlagLegend } from './flag-explanations';
import { useRecordColumns } from './record-columns';
import { ApproveDialog, RejectDialog } from './review-dialogs';
import {
  noServiceFilters,
  ServiceFilters,
  type ServiceFilterValues,
  serviceListInput,
} from './service-filters';

/** Pending service, filtered, reviewed many at a time: approve, or reject with a reason. */
export function ApprovalsPage() {
  const inLanguage = useLocalizedName();
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
  // One line a row, so a reviewer sees twenty and more at once: the activity's category and
  // place are its tooltip (and found by the search; the filters choose a category), a note
  // (rare) takes a second line, and the flags' explanations are in the legend above.
  const shared = useRecordColumns();
  const columns: DataColumn<ServiceRecord>[] = [
    {
      id: 'select',
      className: 'select-cell',
      header: (
        <input
          type="checkbox"
          className="checkbox"
          aria-label={t('approvals.selectAll')}
          checked={allChosen}
          disabled={reviewable.length === 0}
          onChange={(event) => setSelected(event.target.checked ? reviewable.map((r) => r.id) : [])}
        />
      ),
      cell: (record) => (
        <input
          type="checkbox"
          className="checkbox"
          aria-label={t('approvals.selectRecord', {
            name: record.resident.name,
            title: record.activity.title,
          })}
          checked={selected.includes(record.id)}
          disabled={!mayReview(record)}
          onChange={(event) => toggle(record, event.target.checked)}
        />
      ),
    },
    {
      id: 'resident',
      header: t('service.resident'),
      sortValue: (record) => record.resident.name,
      cell: (record) => <strong>{record.resident.name}</strong>,
    },
    {
      id: 'organization',
      header: t('service.organization'),
      sortValue: (record) => inLanguage(record.organization.name),
      cell: (record) => inLanguage(record.organization.name),
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
        record.note,
      ],
      cell: (record) => (
        <>
          <span title={`${categoryLabel(record.activity.category)} · ${record.activity.place}`}>
            {record.activity.title}
          </span>
          {record.note ? <div className="muted cell-note">“{record.note}”</div> : null}
        </>
      ),
    },
    shared.when,
    shared.duration,
    {
      id: 'flags',
      header: t('approvals.flags'),
      sortValue: (record) => record.flags.length,
      searchText: (record) => record.flags.map((flag) => t(`flags.${flag}.name`)),
      cell: (record) =>
        record.flags.length === 0 ? (
          <span className="muted">{t('approvals.noFlags')}</span>
        ) : (
          <FlagBadges flags={record.flags} explained={false} />
        ),
    },
    {
      id: 'loggedBy',
      header: t('service.loggedBy'),
      sortValue: (record) => record.loggedBy.displayName,
      cell: (record) => (
        <>
          <span title={format.dateTime(record.loggedAt)}>{record.loggedBy.displayName}</span>
          {record.loggedBy.id === user.id ? (
            <div className="field-hint cell-note">{t('approvals.ownRecord')}</div>
          ) : record.loggedByLinkedAccount ? (
            <div className="field-hint cell-note">{t('approvals.linkedRecord')}</div>
          ) : null}
        </>
      ),
    },
  ];

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
        <DataTable
          rows={records.items}
          columns={columns}
          rowKey={(record) => record.id}
          rowProps={(record) => ({ 'aria-selected': selected.includes(record.id) })}
          search
          more={{
            hasMore: records.hasNextPage,
            loading: records.isFetchingNextPage,
            onLoad: () => void records.fetchNextPage(),
          }}
        />
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
