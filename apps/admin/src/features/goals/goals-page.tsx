import type { Goal } from '@tally/domain/goals';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { mayManage } from '../../session/permissions';
import { useUser } from '../../session/session-context';
import { Badge } from '../../ui/badge';
import { Dialog } from '../../ui/dialog';
import { NamesDialog } from '../../ui/names-dialog';
import { PageHeader } from '../../ui/page-header';
import { Progress } from '../../ui/progress';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { CreateGoalDialog } from './create-goal-dialog';

/** Shared projects residents fund with donated points, with their progress. */
export function GoalsPage() {
  const { t } = useTranslation();
  const inLanguage = useLocalizedName();
  const api = useApi();
  const user = useUser();
  const format = useFormat();
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  const [closing, setClosing] = useState<Goal | null>(null);
  const [editing, setEditing] = useState<Goal | null>(null);
  const goals = useApiQuery('goals.list', {}, api.goals.list.query);
  const close = useApiMutation(api.goals.close.mutate, {
    invalidates: ['goals.list'],
    onSuccess: (goal) => {
      toast(t('goals.closed', { title: inLanguage(goal.title) }));
      setClosing(null);
    },
  });
  const update = useApiMutation(api.goals.update.mutate, {
    invalidates: ['goals.list'],
    onSuccess: (goal) => {
      toast(t('goals.saved', { title: inLanguage(goal.title) }));
      setEditing(null);
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
                <h2>{inLanguage(goal.title)}</h2>
                {goal.status === 'open' ? (
                  <Badge tone="success">{t('goals.open')}</Badge>
                ) : (
                  <Badge>{t('goals.closedBadge')}</Badge>
                )}
              </div>
              {inLanguage(goal.description) ? (
                <p className="muted">{inLanguage(goal.description)}</p>
              ) : null}
              <Progress
                label={t('goals.progressLabel', { title: inLanguage(goal.title) })}
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
                <div className="row">
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => setEditing(goal)}
                  >
                    {t('goals.edit')}
                  </button>
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
      {editing ? (
        <NamesDialog
          title={t('goals.editTitle', { title: inLanguage(editing.title) })}
          kind="title"
          current={{ name: editing.title, description: editing.description }}
          maxLength={200}
          descriptionMaxLength={2000}
          pending={update.isPending}
          error={update.error}
          onSave={({ name, description }) =>
            update.mutate({ id: editing.id, title: name, description })
          }
          onClose={() => setEditing(null)}
        />
      ) : null}
      <Dialog
        open={closing !== null}
        onClose={() => setClosing(null)}
        title={t('goals.closeTitle', { title: closing ? inLanguage(closing.title) : '' })}
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
