import type { CareListEntry, CarePool } from '@tally/domain/timebank';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useBuildingLabel, useFormat } from '../../i18n/format';
import { type DataColumn, DataTable } from '../../ui/data-table';
import { ConfirmActions, Dialog } from '../../ui/dialog';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { AddToCareListDialog, GrantDialog, PoolRuleDialog } from './pool-dialogs';
import { TimeBankTabs, useMinutesLabel } from './timebank-labels';
import { TIMEBANK_QUERIES } from './use-help-request';

type Doing = 'grant' | 'rule' | 'add' | null;

/** The care pool: what it holds and did, who it pays for, and the office's care list. */
export function CarePoolPage() {
  const { t } = useTranslation();
  const api = useApi();
  const pool = useApiQuery('timebank.pool', undefined, () => api.timebank.pool.query());
  const careList = useApiQuery('timebank.careList', undefined, () => api.timebank.careList.query());
  const [doing, setDoing] = useState<Doing>(null);
  const close = () => setDoing(null);

  return (
    <>
      <PageHeader
        title={t('timebank.title')}
        description={t('timebank.pool.description')}
        actions={
          <button type="button" className="button button-primary" onClick={() => setDoing('grant')}>
            {t('timebank.pool.grant')}
          </button>
        }
      />
      <TimeBankTabs current="pool" />
      <ErrorNotice error={pool.error} />
      {pool.isPending ? (
        <Loading />
      ) : pool.data ? (
        <div className="stack">
          <PoolFigures pool={pool.data} />
          <PoolRuleCard pool={pool.data} onEdit={() => setDoing('rule')} />
          <CareList
            list={careList}
            careListSize={pool.data.rule.careListSize}
            onAdd={() => setDoing('add')}
          />
        </div>
      ) : null}
      {doing === 'grant' ? <GrantDialog onClose={close} /> : null}
      {doing === 'rule' && pool.data ? (
        <PoolRuleDialog rule={pool.data.rule} onClose={close} />
      ) : null}
      {doing === 'add' ? (
        <AddToCareListDialog
          listed={(careList.data ?? []).map((entry) => entry.residentId)}
          onClose={close}
        />
      ) : null}
    </>
  );
}

function PoolFigures({ pool }: { pool: CarePool }) {
  const { t } = useTranslation();
  const minutes = useMinutesLabel();
  const figures = [
    { id: 'balance', label: t('timebank.pool.balance'), value: pool.balance },
    { id: 'paid', label: t('timebank.pool.paid'), value: pool.paidMinutes },
    { id: 'gifted', label: t('timebank.pool.gifted'), value: pool.giftedMinutes },
    { id: 'granted', label: t('timebank.pool.granted'), value: pool.grantedMinutes },
  ];
  return (
    <section className="stat-grid pool-stats" aria-label={t('timebank.pool.title')}>
      {figures.map((figure) => (
        <div key={figure.id} className="stat">
          <span className="stat-label">{figure.label}</span>
          <span className="stat-value" data-testid={`pool-${figure.id}`}>
            {minutes(figure.value)}
          </span>
        </div>
      ))}
    </section>
  );
}

function PoolRuleCard({ pool, onEdit }: { pool: CarePool; onEdit: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="card stack-small" aria-labelledby="pool-rule">
      <h2 id="pool-rule">{t('timebank.pool.rule')}</h2>
      <p data-testid="pool-rule">
        {pool.rule.minAge === null
          ? t('timebank.pool.ruleListOnly')
          : t('timebank.pool.ruleAge', { age: pool.rule.minAge })}
      </p>
      <div>
        <button type="button" className="button" onClick={onEdit}>
          {t('timebank.pool.ruleEdit')}
        </button>
      </div>
    </section>
  );
}

function CareList({
  list,
  careListSize,
  onAdd,
}: {
  list: { data?: CareListEntry[] | undefined; error: unknown; isPending: boolean };
  careListSize: number;
  onAdd: () => void;
}) {
  const { t } = useTranslation();
  const [removing, setRemoving] = useState<CareListEntry | null>(null);
  const columns = useCareListColumns(setRemoving);
  return (
    <section className="card stack-small" aria-labelledby="care-list">
      <div className="row">
        <h2 id="care-list">{t('timebank.pool.careList')}</h2>
        <button type="button" className="button" onClick={onAdd}>
          {t('timebank.pool.add')}
        </button>
      </div>
      <p className="muted">{t('timebank.pool.careListHint', { count: careListSize })}</p>
      <ErrorNotice error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : list.data && list.data.length > 0 ? (
        <DataTable
          rows={list.data}
          columns={columns}
          rowKey={(entry) => entry.residentId}
          caption={t('timebank.pool.careList')}
        />
      ) : list.error ? null : (
        <Empty>{t('timebank.pool.careListEmpty')}</Empty>
      )}
      {removing ? (
        <RemoveFromCareListDialog entry={removing} onClose={() => setRemoving(null)} />
      ) : null}
    </section>
  );
}

function useCareListColumns(onRemove: (entry: CareListEntry) => void): DataColumn<CareListEntry>[] {
  const { t } = useTranslation();
  const format = useFormat();
  const buildingLabel = useBuildingLabel();
  return [
    {
      id: 'name',
      header: t('timebank.pool.columns.name'),
      sortValue: (entry) => entry.name,
      cell: (entry) => <span translate="no">{entry.name}</span>,
    },
    {
      id: 'building',
      header: t('timebank.pool.columns.building'),
      sortValue: (entry) => buildingLabel(entry.building),
      cell: (entry) => <span translate="no">{buildingLabel(entry.building)}</span>,
    },
    {
      id: 'note',
      className: 'long-text',
      header: t('timebank.pool.columns.note'),
      cell: (entry) => <span translate="no">{entry.note}</span>,
    },
    {
      id: 'added',
      className: 'nowrap',
      header: t('timebank.pool.columns.added'),
      sortValue: (entry) => Date.parse(entry.addedAt),
      cell: (entry) => format.date(entry.addedAt),
    },
    {
      id: 'actions',
      header: t('common.actions'),
      cell: (entry) => (
        <button type="button" className="button button-small" onClick={() => onRemove(entry)}>
          {t('timebank.pool.remove')}
        </button>
      ),
    },
  ];
}

function RemoveFromCareListDialog({
  entry,
  onClose,
}: {
  entry: CareListEntry;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const remove = useApiMutation(api.timebank.removeFromCareList.mutate, {
    invalidates: TIMEBANK_QUERIES,
    onSuccess: () => {
      toast(t('timebank.pool.removed', { name: entry.name }));
      onClose();
    },
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('timebank.pool.removeTitle', { name: entry.name })}
      footer={
        <ConfirmActions
          onCancel={onClose}
          onConfirm={() => remove.mutate({ residentId: entry.residentId, note: '' })}
          pending={remove.isPending}
          label={t('timebank.pool.remove')}
          danger
        />
      }
    >
      <p>{t('timebank.pool.removeExplain', { name: entry.name })}</p>
      <ErrorNotice error={remove.error} />
    </Dialog>
  );
}
