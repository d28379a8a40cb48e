import type { LocalizedText } from '@tally/domain/localized-text';
import { type AccountRole, type StaffRole, staffRoles } from '@tally/domain/staff';
import { useTranslation } from 'react-i18next';
import { useLocalizedName } from '../../i18n/localized-name';
import { Field } from '../../ui/field';

/** The role of a staff account; `disabledHint` explains why it cannot be changed. */
export function RoleField({
  value,
  onChange,
  disabledHint,
}: {
  /** A street office account shows its role, which a community's office cannot change. */
  value: AccountRole;
  onChange: (role: StaffRole) => void;
  disabledHint?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Field label={t('staff.role')} hint={disabledHint}>
      {(control) => (
        <select
          {...control}
          className="select"
          value={value}
          disabled={disabledHint !== undefined}
          onChange={(e) => onChange(e.target.value as StaffRole)}
        >
          {(value === 'street' ? [...staffRoles, value] : staffRoles).map((option) => (
            <option key={option} value={option}>
              {t(`roles.${option}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The organizations a leader leads, as checkboxes. */
export function OrganizationChoices({
  organizations,
  value,
  onChange,
}: {
  organizations: { id: string; name: LocalizedText }[];
  value: string[];
  onChange: (organizationIds: string[]) => void;
}) {
  const inLanguage = useLocalizedName();
  const { t } = useTranslation();
  return (
    <fieldset className="plain-fieldset stack-small">
      <legend>{t('staff.leads')}</legend>
      {organizations.length === 0 ? <p className="muted">{t('organizations.none')}</p> : null}
      {organizations.map((organization) => (
        <label key={organization.id} className="check-label">
          <input
            type="checkbox"
            className="checkbox"
            checked={value.includes(organization.id)}
            onChange={(e) =>
              onChange(
                e.target.checked
                  ? [...value, organization.id]
                  : value.filter((id) => id !== organization.id),
              )
            }
          />
          {inLanguage(organization.name)}
        </label>
      ))}
    </fieldset>
  );
}
