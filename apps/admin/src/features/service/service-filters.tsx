import type { ServiceCategory } from '@tally/domain/categories';
import { type ServiceRecordStatus, serviceRecordStatuses } from '@tally/domain/service';
import { useTranslation } from 'react-i18next';
import { DateRangeFields } from '../../ui/date-range-fields';
import { rangeFilter } from '../../ui/dates';
import { Field } from '../../ui/field';
import { OrganizationFilter } from '../organizations/organization-filter';
import { CategoryOptions } from './category-options';

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
      <OrganizationFilter
        label={t('logHours.organization')}
        allLabel={t('common.all')}
        organizationId={value.organizationId}
        onChange={(organizationId) => set('organizationId', organizationId)}
      />
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
            <CategoryOptions />
          </select>
        )}
      </Field>
      <DateRangeFields
        value={value}
        set={set}
        fromLabel={t('service.servedFrom')}
        toLabel={t('service.servedTo')}
      />
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
