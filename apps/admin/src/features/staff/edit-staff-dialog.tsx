import type { LocalizedText } from '@tally/domain/localized-text';
import type { AccountRole, StaffMember } from '@tally/domain/staff';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { useUser } from '../../session/session-context';
import { Dialog, FormActions } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { ErrorNotice } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { OrganizationChoices, RoleField } from './staff-fields';

/**
 * Name, role, the organizations a leader leads, and whether the account may sign in. An
 * office member's own role and active switch are locked (the service refuses them too).
 */
export function EditStaffDialog({
  member,
  organizations,
  onClose,
}: {
  member: StaffMember | null;
  organizations: { id: string; name: LocalizedText }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const user = useUser();
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<AccountRole>('leader');
  const [organizationIds, setOrganizationIds] = useState<string[]>([]);
  const [active, setActive] = useState(true);
  useEffect(() => {
    if (!member) return;
    setDisplayName(member.displayName);
    setRole(member.role);
    setOrganizationIds(member.organizationIds);
    setActive(member.active);
  }, [member]);
  const update = useApiMutation(api.staff.update.mutate, {
    invalidates: ['staff.list', 'organizations.list'],
    onSuccess: (saved) => {
      toast(t('staff.saved', { username: saved.username }));
      onClose();
    },
  });
  if (!member) return null;
  const self = member.id === user.id;
  const nameMissing = !displayName.trim();

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('staff.editTitle', { username: member.username })}
      footer={
        <FormActions
          form="edit-staff"
          onCancel={onClose}
          pending={update.isPending}
          label={t('common.save')}
        />
      }
    >
      <form
        id="edit-staff"
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (nameMissing) return;
          update.mutate({
            staffId: member.id,
            ...(displayName.trim() !== member.displayName
              ? { displayName: displayName.trim() }
              : {}),
            ...(role !== member.role && role !== 'street' ? { role } : {}),
            ...(role === 'leader' ? { organizationIds } : {}),
            ...(active !== member.active ? { active } : {}),
          });
        }}
      >
        <div className="form-grid">
          <Field
            label={t('staff.displayName')}
            error={nameMissing ? t('validation.required') : undefined}
          >
            {(control) => (
              <input
                {...control}
                className="input"
                value={displayName}
                maxLength={100}
                onChange={(e) => setDisplayName(e.target.value)}
              />
            )}
          </Field>
          <RoleField
            value={role}
            onChange={setRole}
            disabledHint={
              self
                ? t('staff.ownAccountHint')
                : member.role === 'street'
                  ? t('staff.streetAccountHint')
                  : undefined
            }
          />
        </div>
        {role === 'leader' ? (
          <OrganizationChoices
            organizations={organizations}
            value={organizationIds}
            onChange={setOrganizationIds}
          />
        ) : null}
        <label className="check-label">
          <input
            type="checkbox"
            className="checkbox"
            checked={active}
            disabled={self}
            onChange={(e) => setActive(e.target.checked)}
          />
          {t('staff.activeLabel')}
        </label>
        <p className="field-hint">{self ? t('staff.ownAccountHint') : t('staff.activeHint')}</p>
        <ErrorNotice error={update.error} />
      </form>
    </Dialog>
  );
}
