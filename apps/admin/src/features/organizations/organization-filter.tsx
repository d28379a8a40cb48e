import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useLocalizedName } from '../../i18n/localized-name';
import { Field } from '../../ui/field';

/** Narrows a list or report to one organization; '' (the first choice) means all of them. */
export function OrganizationFilter({
  label,
  allLabel,
  organizationId,
  onChange,
}: {
  label: string;
  allLabel: string;
  organizationId: string;
  onChange: (organizationId: string) => void;
}) {
  const inLanguage = useLocalizedName();
  const api = useApi();
  const organizations = useApiQuery('organizations.list', undefined, () =>
    api.organizations.list.query(),
  );
  return (
    <Field label={label}>
      {(control) => (
        <select
          {...control}
          className="select"
          value={organizationId}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">{allLabel}</option>
          {(organizations.data ?? []).map((organization) => (
            <option key={organization.id} value={organization.id}>
              {inLanguage(organization.name)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
