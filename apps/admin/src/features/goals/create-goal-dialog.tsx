import { noText } from '@tally/domain/localized-text';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { useLocalizedName } from '../../i18n/localized-name';
import { FormDialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { hasText, LocalizedFields, trimmedText } from '../../ui/localized-fields';
import { useToast } from '../../ui/toast';

export function CreateGoalDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const inLanguage = useLocalizedName();
  const api = useApi();
  const toast = useToast();
  const [title, setTitle] = useState(noText);
  const [description, setDescription] = useState(noText);
  const [target, setTarget] = useState('');
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (!open) return;
    setTitle(noText);
    setDescription(noText);
    setTarget('');
    setTried(false);
  }, [open]);
  const create = useApiMutation(api.goals.create.mutate, {
    invalidates: ['goals.list'],
    onSuccess: (goal) => {
      toast(t('goals.created', { title: inLanguage(goal.title) }));
      onClose();
    },
  });
  const targetValid =
    /^\d+$/.test(target.trim()) && Number(target) >= 1 && Number(target) <= 1_000_000_000;
  return (
    <FormDialog
      id="create-goal"
      open={open}
      onClose={onClose}
      title={t('goals.create')}
      submitLabel={t('common.create')}
      pending={create.isPending}
      error={create.error}
      onSubmit={() => {
        setTried(true);
        if (!hasText(title) || !targetValid) return;
        create.mutate({
          title: trimmedText(title),
          description: trimmedText(description),
          targetPoints: Number(target),
        });
      }}
    >
      <LocalizedFields
        kind="title"
        value={title}
        onChange={setTitle}
        maxLength={200}
        error={tried && !hasText(title) ? t('validation.required') : undefined}
      />
      <Field
        label={t('goals.target')}
        error={tried && !targetValid ? t('goals.targetError') : undefined}
      >
        {(control) => (
          <input
            {...control}
            className="input"
            inputMode="numeric"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          />
        )}
      </Field>
      <LocalizedFields
        kind="description"
        value={description}
        onChange={setDescription}
        maxLength={2000}
        multiline
      />
    </FormDialog>
  );
}
