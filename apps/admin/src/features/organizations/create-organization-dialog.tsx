import { noText } from '@tally/domain/localized-text';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { useLocalizedName } from '../../i18n/localized-name';
import { FormDialog } from '../../ui/dialog';
import { hasText, LocalizedFields, trimmedText } from '../../ui/localized-fields';
import { useToast } from '../../ui/toast';

export function CreateOrganizationDialog({
  open,
  onClose,
}: {
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const inLanguage = useLocalizedName();
  const api = useApi();
  const toast = useToast();
  const [name, setName] = useState(noText);
  const [description, setDescription] = useState(noText);
  const [tried, setTried] = useState(false);
  const create = useApiMutation(api.organizations.create.mutate, {
    invalidates: ['organizations.list'],
    onSuccess: (organization) => {
      toast(t('organizations.created', { name: inLanguage(organization.name) }));
      setName(noText);
      setDescription(noText);
      setTried(false);
      onClose();
    },
  });
  const nameError = tried && !hasText(name) ? t('validation.required') : undefined;

  return (
    <FormDialog
      id="create-organization"
      open={open}
      onClose={onClose}
      title={t('organizations.create')}
      submitLabel={t('common.create')}
      pending={create.isPending}
      error={create.error}
      onSubmit={() => {
        setTried(true);
        if (!hasText(name)) return;
        create.mutate({ name: trimmedText(name), description: trimmedText(description) });
      }}
    >
      <LocalizedFields
        kind="name"
        value={name}
        onChange={setName}
        maxLength={100}
        error={nameError}
      />
      <LocalizedFields
        kind="description"
        value={description}
        onChange={setDescription}
        maxLength={1000}
        multiline
      />
    </FormDialog>
  );
}
