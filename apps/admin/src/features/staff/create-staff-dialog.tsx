import type { LocalizedText } from '@tally/domain/localized-text';
import type { StaffRole } from '@tally/domain/staff';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { FormDialog } from '../../ui/dialog';
import { Field, PasswordField } from '../../ui/field';
import { useToast } from '../../ui/toast';
import { OrganizationChoices, RoleField } from './staff-fields';

const USERNAME = /^[a-z0-9._-]{3,40}$/;

/** Opens a staff account; a leader names the organizations they lead. */
export function CreateStaffDialog({
  open,
  organizations,
  onClose,
}: {
  open: boolean;
  organizations: { id: string; name: LocalizedText }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<StaffRole>('leader');
  const [organizationIds, setOrganizationIds] = useState<string[]>([]);
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (!open) return;
    setUsername('');
    setDisplayName('');
    setPassword('');
    setRole('leader');
    setOrganizationIds([]);
    setTried(false);
  }, [open]);
  const create = useApiMutation(api.staff.create.mutate, {
    invalidates: ['staff.list', 'organizations.list'],
    onSuccess: (user) => {
      toast(t('staff.created', { username: user.username }));
      onClose();
    },
  });
  const errors = {
    username: !USERNAME.test(username.trim().toLowerCase())
      ? t('staff.errors.username')
      : undefined,
    displayName: !displayName.trim() ? t('validation.required') : undefined,
    password: password.length < 8 ? t('staff.errors.password') : undefined,
  };
  const shown = (field: keyof typeof errors) => (tried ? errors[field] : undefined);

  return (
    <FormDialog
      id="create-staff"
      open={open}
      onClose={onClose}
      title={t('staff.create')}
      submitLabel={t('common.create')}
      pending={create.isPending}
      error={create.error}
      onSubmit={() => {
        setTried(true);
        if (Object.values(errors).some(Boolean)) return;
        create.mutate({
          username: username.trim().toLowerCase(),
          displayName: displayName.trim(),
          password,
          role,
          organizationIds: role === 'leader' ? organizationIds : [],
        });
      }}
    >
      <div className="form-grid">
        <Field
          label={t('signIn.username')}
          error={shown('username')}
          hint={t('staff.usernameHint')}
        >
          {(control) => (
            <input
              {...control}
              className="input mono"
              autoComplete="off"
              autoCapitalize="none"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('staff.displayName')} error={shown('displayName')}>
          {(control) => (
            <input
              {...control}
              className="input"
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
            />
          )}
        </Field>
        <PasswordField
          label={t('staff.initialPassword')}
          error={shown('password')}
          hint={t('staff.passwordHint')}
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
        />
        <RoleField value={role} onChange={setRole} />
      </div>
      {role === 'leader' ? (
        <OrganizationChoices
          organizations={organizations}
          value={organizationIds}
          onChange={setOrganizationIds}
        />
      ) : null}
    </FormDialog>
  );
}
