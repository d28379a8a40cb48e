import { useTranslation } from 'react-i18next';
import { DateInput } from '../../ui/date-input';
import { Field } from '../../ui/field';
import { OrganizationFilter } from '../organizations/organization-filter';
import { type PeriodProblem, periodPresets, type ReportFilters } from './report-filters';

/** Period (presets or from–to) and organization; every change lands in the address. */
export function ReportFilterBar({
  value,
  onChange,
  problem,
}: {
  value: ReportFilters;
  onChange: (next: ReportFilters) => void;
  problem: PeriodProblem | undefined;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof ReportFilters>(field: K, next: ReportFilters[K]) =>
    onChange({ ...value, [field]: next });
  const custom = value.preset === 'custom';
  // A half-typed period is not yet an error worth shouting about; a wrong one is.
  const error = problem && problem !== 'incomplete' ? t(`reports.filters.${problem}`) : undefined;

  return (
    <search className="filters card report-filters" aria-label={t('reports.filters.label')}>
      <Field label={t('reports.filters.period')}>
        {(control) => (
          <select
            {...control}
            className="select"
            value={value.preset}
            onChange={(event) => set('preset', event.target.value as ReportFilters['preset'])}
          >
            {periodPresets.map((preset) => (
              <option key={preset} value={preset}>
                {t(`reports.filters.presets.${preset}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {custom ? (
        <>
          <Field label={t('common.from')}>
            {(control) => (
              <DateInput
                control={control}
                value={value.from}
                onChange={(day) => set('from', day)}
              />
            )}
          </Field>
          <Field
            label={t('common.to')}
            error={error}
            hint={problem === 'incomplete' ? t('reports.filters.incomplete') : undefined}
          >
            {(control) => (
              <DateInput control={control} value={value.to} onChange={(day) => set('to', day)} />
            )}
          </Field>
        </>
      ) : null}
      <OrganizationFilter
        label={t('reports.filters.organization')}
        allLabel={t('reports.filters.allOrganizationsOption')}
        organizationId={value.organizationId}
        onChange={(organizationId) => set('organizationId', organizationId)}
      />
    </search>
  );
}
