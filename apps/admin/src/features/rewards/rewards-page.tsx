import type { Reward } from '@tally/domain/rewards';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { mayManage } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { Badge } from '../../ui/badge';
import { type DataColumn, DataTable } from '../../ui/data-table';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { RewardDialog, RewardHistoryDialog } from './reward-dialogs';

/** When stock falls to this, the catalog and the dashboard say so. */
export const LOW_STOCK = 5;

export function RewardsPage() {
  const { t } = useTranslation();
  const inLanguage = useLocalizedName();
  const api = useApi();
  const user = useUser();
  const format = useFormat();
  const [editing, setEditing] = useState<Reward | 'new' | null>(null);
  const [history, setHistory] = useState<Reward | null>(null);
  const rewards = useApiQuery('rewards.list', undefined, () => api.rewards.list.query());
  const office = mayManage(user.role);

  const columns: DataColumn<Reward>[] = [
    {
      id: 'name',
      header: t('rewards.name'),
      sortValue: (reward) => inLanguage(reward.name),
      cell: (reward) => (
        // One line a row: the description is in the edit dialog and on hover.
        <strong title={inLanguage(reward.description) || undefined}>
          {inLanguage(reward.name)}
        </strong>
      ),
    },
    {
      id: 'kind',
      header: t('rewards.kind'),
      sortValue: (reward) => t(`rewards.kinds.${reward.kind}`),
      cell: (reward) => t(`rewards.kinds.${reward.kind}`),
    },
    {
      id: 'price',
      header: t('rewards.price'),
      className: 'number',
      sortValue: (reward) => reward.points,
      cell: (reward) => format.number(reward.points),
    },
    {
      id: 'stock',
      header: t('rewards.stock'),
      className: 'number',
      sortValue: (reward) => reward.stock,
      cell: (reward) => (
        <>
          {format.number(reward.stock)}{' '}
          {reward.stock === 0 ? (
            <Badge tone="danger">{t('rewards.outOfStock')}</Badge>
          ) : reward.stock <= LOW_STOCK ? (
            <Badge tone="warning">{t('rewards.lowStock')}</Badge>
          ) : null}
        </>
      ),
    },
    {
      id: 'limit',
      header: t('rewards.limit'),
      className: 'number',
      sortValue: (reward) => reward.perResidentLimit,
      cell: (reward) =>
        reward.perResidentLimit === null ? '—' : format.number(reward.perResidentLimit),
    },
    {
      id: 'status',
      header: t('staff.status'),
      sortValue: (reward) => (reward.active ? t('rewards.active') : t('rewards.inactive')),
      cell: (reward) =>
        reward.active ? (
          <Badge tone="success">{t('rewards.active')}</Badge>
        ) : (
          <Badge>{t('rewards.inactive')}</Badge>
        ),
    },
    {
      id: 'actions',
      header: t('common.actions'),
      cell: (reward) => (
        <div className="row">
          {office ? (
            <button
              type="button"
              className="button button-small"
              onClick={() => setEditing(reward)}
            >
              {t('common.edit')}
            </button>
          ) : null}
          <button type="button" className="button button-small" onClick={() => setHistory(reward)}>
            {t('rewards.history')}
          </button>
        </div>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('rewards.title')}
        description={t('rewards.description')}
        actions={
          office ? (
            <button
              type="button"
              className="button button-primary"
              onClick={() => setEditing('new')}
            >
              {t('rewards.create')}
            </button>
          ) : null
        }
      />
      <ErrorNotice error={rewards.error} />
      {rewards.isPending ? (
        <Loading />
      ) : (rewards.data ?? []).length === 0 ? (
        <Empty>{t('rewards.none')}</Empty>
      ) : (
        <DataTable
          rows={rewards.data ?? []}
          columns={columns}
          rowKey={(reward) => reward.id}
          search
        />
      )}
      {office ? (
        <RewardDialog
          open={editing !== null}
          reward={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <RewardHistoryDialog reward={history} onClose={() => setHistory(null)} />
    </>
  );
}
