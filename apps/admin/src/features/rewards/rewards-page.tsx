import type { Reward } from '@tally/domain/rewards';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { mayManage } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { Badge } from '../../ui/badge';
import { PageHeader } from '../../ui/page-header';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { RewardDialog, RewardHistoryDialog } from './reward-dialogs';

/** When stock falls to this, the catalog and the dashboard say so. */
export const LOW_STOCK = 5;

export function RewardsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const format = useFormat();
  const [editing, setEditing] = useState<Reward | 'new' | null>(null);
  const [history, setHistory] = useState<Reward | null>(null);
  const rewards = useApiQuery('rewards.list', undefined, () => api.rewards.list.query());
  const office = mayManage(user.role);

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
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('rewards.name')}</th>
                <th scope="col">{t('rewards.kind')}</th>
                <th scope="col" className="number">
                  {t('rewards.price')}
                </th>
                <th scope="col" className="number">
                  {t('rewards.stock')}
                </th>
                <th scope="col" className="number">
                  {t('rewards.limit')}
                </th>
                <th scope="col">{t('staff.status')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {(rewards.data ?? []).map((reward) => (
                <tr key={reward.id}>
                  <td>
                    <strong>{reward.name}</strong>
                    {reward.description ? <div className="muted">{reward.description}</div> : null}
                  </td>
                  <td>{t(`rewards.kinds.${reward.kind}`)}</td>
                  <td className="number">{format.number(reward.points)}</td>
                  <td className="number">
                    {format.number(reward.stock)}{' '}
                    {reward.stock === 0 ? (
                      <Badge tone="danger">{t('rewards.outOfStock')}</Badge>
                    ) : reward.stock <= LOW_STOCK ? (
                      <Badge tone="warning">{t('rewards.lowStock')}</Badge>
                    ) : null}
                  </td>
                  <td className="number">
                    {reward.perResidentLimit === null
                      ? '—'
                      : format.number(reward.perResidentLimit)}
                  </td>
                  <td>
                    {reward.active ? (
                      <Badge tone="success">{t('rewards.active')}</Badge>
                    ) : (
                      <Badge>{t('rewards.inactive')}</Badge>
                    )}
                  </td>
                  <td>
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
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => setHistory(reward)}
                      >
                        {t('rewards.history')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
