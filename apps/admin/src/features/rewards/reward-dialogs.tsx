import type { Reward } from '@tally/domain/rewards';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { Dialog, FormActions } from '../../ui/dialog';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { useToast } from '../../ui/toast';
import {
  emptyReward,
  type RewardErrors,
  RewardFields,
  rewardValues,
  toRewardTerms,
  validateReward,
} from './reward-form';

const refreshes = ['rewards.list', 'rewards.history'];

/** A new reward, or changed terms for one (the service keeps every change as history). */
export function RewardDialog({
  open,
  reward,
  onClose,
}: {
  open: boolean;
  reward: Reward | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const [values, setValues] = useState(emptyReward);
  const [errors, setErrors] = useState<RewardErrors>({});
  useEffect(() => {
    if (!open) return;
    setValues(reward ? rewardValues(reward) : emptyReward);
    setErrors({});
  }, [open, reward]);
  const done = (name: string) => {
    toast(t('rewards.saved', { name }));
    onClose();
  };
  const create = useApiMutation(api.rewards.create.mutate, {
    invalidates: refreshes,
    onSuccess: (saved) => done(saved.name),
  });
  const update = useApiMutation(api.rewards.update.mutate, {
    invalidates: refreshes,
    onSuccess: (saved) => done(saved.name),
  });
  const pending = create.isPending || update.isPending;

  const submit = () => {
    const found = validateReward(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const terms = toRewardTerms(values);
    if (!reward) return create.mutate(terms);
    // Only what changed, so the history shows exactly what the office decided.
    const changes = Object.fromEntries(
      Object.entries(terms).filter(([key, value]) => reward[key as keyof typeof terms] !== value),
    );
    if (Object.keys(changes).length === 0) return onClose();
    update.mutate({ id: reward.id, ...changes });
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      wide
      title={reward ? t('rewards.editTitle', { name: reward.name }) : t('rewards.create')}
      footer={
        <FormActions
          form="reward-form"
          onCancel={onClose}
          pending={pending}
          label={t('common.save')}
        />
      }
    >
      <form
        id="reward-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <RewardFields values={values} errors={errors} onChange={setValues} />
      </form>
      {reward ? <p className="muted">{t('rewards.historyNote')}</p> : null}
      <ErrorNotice error={create.error ?? update.error} />
    </Dialog>
  );
}

/** Every change to a reward's terms: who changed what, from what to what. */
export function RewardHistoryDialog({
  reward,
  onClose,
}: {
  reward: Reward | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const history = useApiQuery(
    'rewards.history',
    { id: reward?.id ?? '' },
    api.rewards.history.query,
    { enabled: reward !== null },
  );
  return (
    <Dialog
      open={reward !== null}
      onClose={onClose}
      wide
      title={t('rewards.historyTitle', { name: reward?.name })}
    >
      <ErrorNotice error={history.error} />
      {history.isPending ? (
        <Loading />
      ) : (history.data ?? []).length === 0 ? (
        <Empty>{t('rewards.noHistory')}</Empty>
      ) : (
        <ol className="history">
          {(history.data ?? []).map((change) => (
            <li key={change.id}>
              <div>
                <strong>{format.dateTime(change.changedAt)}</strong> ·{' '}
                {change.changedByName ?? change.changedBy}
              </div>
              {change.before === null ? (
                <div>
                  {t('rewards.createdWith', {
                    points: format.number(change.after.points),
                    stock: format.number(change.after.stock),
                  })}
                </div>
              ) : (
                <ul className="plain-list">
                  {(Object.keys(change.after) as (keyof typeof change.after)[])
                    .filter((key) => change.before?.[key] !== change.after[key])
                    .map((key) => (
                      <li key={key}>
                        {t(`rewards.fields.${key}`)}: {show(change.before?.[key])} →{' '}
                        {show(change.after[key])}
                      </li>
                    ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </Dialog>
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return String(value);
}
