import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { Dialog, FormActions } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { ErrorNotice } from '../../ui/states';
import { useToast } from '../../ui/toast';

export function CreateOrganizationDialog({
  open,
  onClose,
}: {
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [tried, setTried] = useState(false);
  const create = useApiMutation(api.organizations.create.mutate, {
    invalidates: ['organizations.list'],
    onSuccess: (organization) => {
      toast(t('organizations.created', { name: organization.name }));
      setName('');
      setDescription('');
      setTried(false);
      onClose();
    },
  });
  const nameError = tried && !name.trim() ? t('validation.required') : undefined;

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('organizations.create')}
      footer={
        <FormActions
          form="create-organization"
          onCancel={onClose}
          pending={create.isPending}
          label={t('common.create')}
        />
      }
    >
      <form
        id="create-organization"
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (!name.trim()) return;
          create.mutate({ name: name.trim(), description: description.trim() });
        }}
      >
        <Field label={t('organizations.name')} error={nameError}>
          {(control) => (
            <input
              {...control}
              className="input"
              value={name}
              maxLength={100}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('organizations.descriptionField')}>
          {(control) => (
            <textarea
              {...control}
              className="textarea"
              value={description}
              maxLength={1000}
              onChange={(event) => setDescription(event.target.value)}
            />
          )}
        </Field>
        <ErrorNotice error={create.error} />
      </form>
    </Dialog>
  );
}
