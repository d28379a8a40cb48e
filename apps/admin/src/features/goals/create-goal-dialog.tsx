import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { Dialog, FormActions } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { ErrorNotice } from '../../ui/states';
import { useToast } from '../../ui/toast';

export function CreateGoalDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [target, setTarget] = useState('');
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (!open) return;
    setTitle('');
    setDescription('');
    setTarget('');
    setTried(false);
  }, [open]);
  const create = useApiMutation(api.goals.create.mutate, {
    invalidates: ['goals.list'],
    onSuccess: (goal) => {
      toast(t('goals.created', { title: goal.title }));
      onClose();
    },
  });
  const targetValid =
    /^\d+$/.test(target.trim()) && Number(target) >= 1 && Number(target) <= 1_000_000_000;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('goals.create')}
      footer={
        <FormActions
          form="create-goal"
          onCancel={onClose}
          pending={create.isPending}
          label={t('common.create')}
        />
      }
    >
      <form
        id="create-goal"
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (!title.trim() || !targetValid) return;
          create.mutate({
            title: title.trim(),
            description: description.trim(),
            targetPoints: Number(target),
          });
        }}
      >
        <Field
          label={t('goals.goalTitle')}
          error={tried && !title.trim() ? t('validation.required') : undefined}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              maxLength={200}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          )}
        </Field>
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
        <Field label={t('rewards.descriptionField')}>
          {(control) => (
            <textarea
              {...control}
              className="textarea"
              maxLength={2000}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          )}
        </Field>
        <ErrorNotice error={create.error} />
      </form>
    </Dialog>
  );
}
