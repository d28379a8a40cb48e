import type { LocalizedText } from '@tally/domain/localized-text';
import type { Reward } from '@tally/domain/rewards';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
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
import { RewardPhotoField } from './reward-photo-field';

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
  const inLanguage = useLocalizedName();
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
    onSuccess: (saved) => done(inLanguage(saved.name)),
  });
  const update = useApiMutation(api.rewards.update.mutate, {
    invalidates: refreshes,
    onSuccess: (saved) => done(inLanguage(saved.name)),
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
      Object.entries(terms).filter(
        ([key, value]) => !sameValue(reward[key as keyof typeof terms], value),
      ),
    );
    if (Object.keys(changes).length === 0) return onClose();
    update.mutate({ id: reward.id, ...changes });
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      wide
      title={
        reward ? t('rewards.editTitle', { name: inLanguage(reward.name) }) : t('rewards.create')
      }
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
      <RewardPhotoField key={`${reward?.id ?? 'new'}-${open}`} reward={reward} />
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
  const inLanguage = useLocalizedName();
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
      title={t('rewards.historyTitle', { name: reward ? inLanguage(reward.name) : '' })}
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
                    .filter((key) => !sameValue(change.before?.[key], change.after[key]))
                    .map((key) => (
                      <li key={key}>
                        {t(`rewards.fields.${key}`)}: {show(change.before?.[key], inLanguage)} →{' '}
                        {show(change.after[key], inLanguage)}
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

/** A name in the reader's language (a change to either language shows as a change). */
function show(value: unknown, inLanguage: (text: LocalizedText) => string): string {
  if (isLocalizedText(value)) return inLanguage(value) || '—';
  if (value === null || value === undefined || value === '') return '—';
  return String(value);
}

function isLocalizedText(value: unknown): value is LocalizedText {
  return typeof value === 'object' && value !== null && 'zh' in value && 'en' in value;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
