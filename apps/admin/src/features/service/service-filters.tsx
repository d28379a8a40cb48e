import type { ServiceCategory } from '@tally/domain/categories';
import { type ServiceRecordStatus, serviceRecordStatuses } from '@tally/domain/service';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { categoryGroups, useCategoryLabel } from '../../i18n/category-label';
import { rangeFilter } from '../../ui/dates';
import { Field } from '../../ui/field';

export type ServiceFilterValues = {
  status: ServiceRecordStatus | '';
  organizationId: string;
  category: ServiceCategory | '';
  from: string;
  to: string;
};

export const noServiceFilters: ServiceFilterValues = {
  status: '',
  organizationId: '',
  category: '',
  from: '',
  to: '',
};

/** The filters as `service.list` takes them; empty fields are left out. */
export function serviceListInput(filters: ServiceFilterValues) {
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.organizationId ? { organizationId: filters.organizationId } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...rangeFilter(filters),
  };
}

export function ServiceFilters({
  value,
  onChange,
  showStatus,
}: {
  value: ServiceFilterValues;
  onChange: (next: ServiceFilterValues) => void;
  showStatus: boolean;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const categoryLabel = useCategoryLabel();
  const organizations = useApiQuery('organizations.list', undefined, () =>
    api.organizations.list.query(),
  );
  const set = <K extends keyof ServiceFilterValues>(field: K, next: ServiceFilterValues[K]) =>
    onChange({ ...value, [field]: next });
  const active = Object.values(value).some(Boolean);

  return (
    <search className="filters card">
      {showStatus ? (
        <Field label={t('service.statusLabel')}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={value.status}
              onChange={(event) =>
                set('status', event.target.value as ServiceFilterValues['status'])
              }
            >
              <option value="">{t('common.all')}</option>
              {serviceRecordStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`service.status.${status}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field label={t('logHours.organization')}>
        {(control) => (
          <select
            {...control}
            className="select"
            value={value.organizationId}
            onChange={(event) => set('organizationId', event.target.value)}
          >
            <option value="">{t('common.all')}</option>
            {(organizations.data ?? []).map((organization) => (
              <option key={organization.id} value={organization.id}>
                {organization.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('logHours.category')}>
        {(control) => (
          <select
            {...control}
            className="select"
            value={value.category}
            onChange={(event) =>
              set('category', event.target.value as ServiceFilterValues['category'])
            }
          >
            <option value="">{t('common.all')}</option>
            {categoryGroups.map(({ group, categories }) => (
              <optgroup key={group} label={t(`categoryGroups.${group}`)}>
                {categories.map((category) => (
                  <option key={category} value={category}>
                    {categoryLabel(category)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('service.servedFrom')}>
        {(control) => (
          <input
            {...control}
            className="input"
            type="date"
            value={value.from}
            onChange={(event) => set('from', event.target.value)}
          />
        )}
      </Field>
      <Field label={t('service.servedTo')}>
        {(control) => (
          <input
            {...control}
            className="input"
            type="date"
            value={value.to}
            onChange={(event) => set('to', event.target.value)}
          />
        )}
      </Field>
      {active ? (
        <button
          type="button"
          className="button button-ghost"
          onClick={() => onChange({ ...noServiceFilters, status: showStatus ? '' : value.status })}
        >
          {t('common.clearFilters')}
        </button>
      ) : null}
    </search>
  );
}
