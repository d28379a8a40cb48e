import type { LocalizedText } from '@tally/domain/localized-text';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { useLocalizedName } from '../../i18n/localized-name';
import { FormDialog } from '../../ui/dialog';
import { Field, PasswordField } from '../../ui/field';
import { LocalizedFields } from '../../ui/localized-fields';
import { useToast } from '../../ui/toast';

const USERNAME = /^[a-z0-9._-]{3,40}$/;
const TIME_ZONE = 'Asia/Shanghai';

type Draft = {
  name: LocalizedText;
  timeZone: string;
  username: string;
  displayName: string;
  password: string;
};
const emptyDraft: Draft = {
  name: { zh: '', en: '' },
  timeZone: TIME_ZONE,
  username: '',
  displayName: '',
  password: '',
};

/** What is wrong with a draft, field by field, in words; nothing when it can be sent. */
export function communityDraftErrors(
  draft: Draft,
  t: TFunction,
): Partial<Record<keyof Draft, string>> {
  const errors: Partial<Record<keyof Draft, string>> = {};
  if (!draft.name.zh.trim() && !draft.name.en.trim()) errors.name = t('street.nameRequired');
  if (!draft.timeZone.trim()) errors.timeZone = t('validation.required');
  if (!USERNAME.test(draft.username.trim().toLowerCase())) {
    errors.username = t('street.usernameInvalid');
  }
  if (!draft.displayName.trim()) errors.displayName = t('validation.required');
  if (draft.password.length < 8) errors.password = t('street.passwordTooShort');
  return errors;
}

/** Opens a new community in the street, with its first office account. */
export function CreateCommunityDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const inLanguage = useLocalizedName();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (!open) return;
    setDraft(emptyDraft);
    setTried(false);
  }, [open]);
  const create = useApiMutation(api.street.createCommunity.mutate, {
    invalidates: ['street.get', 'street.insights', 'street.verify'],
    onSuccess: (community) => {
      toast(
        t('street.created', {
          name: inLanguage(community.name),
          username: draft.username.trim().toLowerCase(),
        }),
      );
      onClose();
    },
  });
  const errors = communityDraftErrors(draft, t);
  const shown = (field: keyof Draft) => (tried ? errors[field] : undefined);
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [field]: value }));

  return (
    <FormDialog
      id="create-community"
      open={open}
      onClose={onClose}
      title={t('street.createTitle')}
      submitLabel={t('street.create')}
      pending={create.isPending}
      error={create.error}
      wide
      onSubmit={() => {
        setTried(true);
        if (Object.keys(errors).length > 0) return;
        create.mutate({
          name: { zh: draft.name.zh.trim(), en: draft.name.en.trim() },
          timeZone: draft.timeZone.trim(),
          office: {
            username: draft.username.trim().toLowerCase(),
            displayName: draft.displayName.trim(),
            password: draft.password,
          },
        });
      }}
    >
      <LocalizedFields
        kind="name"
        value={draft.name}
        maxLength={100}
        error={shown('name')}
        onChange={(name) => set('name', name)}
      />
      <Field label={t('street.timeZone')} hint={t('street.timeZoneHint')} error={shown('timeZone')}>
        {(control) => (
          <input
            {...control}
            className="input mono"
            maxLength={64}
            value={draft.timeZone}
            onChange={(event) => set('timeZone', event.target.value)}
          />
        )}
      </Field>
      <fieldset className="plain-fieldset stack-small">
        <legend>{t('street.firstOffice')}</legend>
        <p className="muted">{t('street.firstOfficeHint')}</p>
        <div className="form-grid">
          <Field
            label={t('street.username')}
            hint={t('street.usernameHint')}
            error={shown('username')}
          >
            {(control) => (
              <input
                {...control}
                className="input mono"
                autoComplete="off"
                autoCapitalize="none"
                value={draft.username}
                onChange={(event) => set('username', event.target.value)}
              />
            )}
          </Field>
          <Field label={t('street.displayName')} error={shown('displayName')}>
            {(control) => (
              <input
                {...control}
                className="input"
                maxLength={100}
                value={draft.displayName}
                onChange={(event) => set('displayName', event.target.value)}
              />
            )}
          </Field>
          <PasswordField
            label={t('street.temporaryPassword')}
            error={shown('password')}
            autoComplete="new-password"
            value={draft.password}
            onChange={(password) => set('password', password)}
          />
        </div>
      </fieldset>
    </FormDialog>
  );
}
