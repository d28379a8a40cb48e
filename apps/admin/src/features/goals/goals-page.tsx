import type { Goal } from '@tally/domain/goals';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { mayManage } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { Badge } from '../../ui/badge';
import { Dialog } from '../../ui/dialog';
import { PageHeader } from '../../ui/page-header';
import { Progress } from '../../ui/progress';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { CreateGoalDialog } from './create-goal-dialog';

/** Shared projects residents fund with donated points, with their progress. */
export function GoalsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const format = useFormat();
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  const [closing, setClosing] = useState<Goal | null>(null);
  const goals = useApiQuery('goals.list', {}, api.goals.list.query);
  const close = useApiMutation(api.goals.close.mutate, {
    invalidates: ['goals.list'],
    onSuccess: (goal) => {
      toast(t('goals.closed', { title: goal.title }));
      setClosing(null);
    },
  });
  const office = mayManage(user.role);

  return (
    <>
      <PageHeader
        title={t('goals.title')}
        description={t('goals.description')}
        actions={
          office ? (
            <button
              type="button"
              className="button button-primary"
              onClick={() => setCreating(true)}
            >
              {t('goals.create')}
            </button>
          ) : null
        }
      />
      <ErrorNotice error={goals.error} />
      {goals.isPending ? (
        <Loading />
      ) : (goals.data ?? []).length === 0 ? (
        <Empty>{t('goals.none')}</Empty>
      ) : (
        <div className="grid-2">
          {(goals.data ?? []).map((goal) => (
            <article key={goal.id} className="card stack-small">
              <div className="row-between">
                <h2>{goal.title}</h2>
                {goal.status === 'open' ? (
                  <Badge tone="success">{t('goals.open')}</Badge>
                ) : (
                  <Badge>{t('goals.closedBadge')}</Badge>
                )}
              </div>
              {goal.description ? <p className="muted">{goal.description}</p> : null}
              <Progress
                label={t('goals.progressLabel', { title: goal.title })}
                value={goal.raisedPoints / goal.targetPoints}
              />
              <p>
                {t('goals.raised', {
                  raised: format.number(goal.raisedPoints),
                  target: format.number(goal.targetPoints),
                  percent: Math.floor((goal.raisedPoints / goal.targetPoints) * 100),
                })}
              </p>
              <p className="muted">
                {goal.closedAt
                  ? t('goals.closedOn', { date: format.date(goal.closedAt) })
                  : t('goals.openedOn', { date: format.date(goal.createdAt) })}
              </p>
              {office && goal.status === 'open' ? (
                <div>
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => setClosing(goal)}
                  >
                    {t('goals.close')}
                  </button>
                </div>
              ) : null}
            </article>
          ))}
        </div>
      )}
      <CreateGoalDialog open={creating} onClose={() => setCreating(false)} />
      <Dialog
        open={closing !== null}
        onClose={() => setClosing(null)}
        title={t('goals.closeTitle', { title: closing?.title })}
        footer={
          <>
            <button type="button" className="button" onClick={() => setClosing(null)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={close.isPending}
              onClick={() => closing && close.mutate({ id: closing.id })}
            >
              {t('goals.close')}
            </button>
          </>
        }
      >
        <p>{t('goals.closeExplain')}</p>
        <ErrorNotice error={close.error} />
      </Dialog>
    </>
  );
}
