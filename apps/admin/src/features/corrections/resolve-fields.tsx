import type { CorrectionRequest } from '@tally/domain/corrections';
import { useTranslation } from 'react-i18next';
import { categoryGroups, useCategoryLabel } from '../../i18n/category-label';
import { useFormat } from '../../i18n/format';
import { Field } from '../../ui/field';
import { lengthMinutes, type ResolveErrors, type ResolveValues } from './resolve-form';

type Setter = <K extends keyof ResolveValues>(field: K, value: ResolveValues[K]) => void;
type ErrorText = (field: keyof ResolveErrors) => string | undefined;

/** Hours and minutes, with the total in words. */
function LengthFields({
  values,
  set,
  error,
  hint,
  legend,
}: {
  values: ResolveValues;
  set: Setter;
  error: ErrorText;
  hint: string | null;
  legend: string;
}) {
  const { t } = useTranslation();
  const invalid = error('duration') ? true : undefined;
  return (
    <fieldset className="plain-fieldset field">
      <legend className="field-label">{legend}</legend>
      <div className="row duration-row">
        <label className="duration-part">
          <input
            className="input"
            type="number"
            inputMode="numeric"
            min={0}
            max={24}
            value={values.hours}
            aria-invalid={invalid}
            onChange={(event) => set('hours', event.target.value)}
          />
          <span>{t('corrections.hoursUnit')}</span>
        </label>
        <label className="duration-part">
          <input
            className="input"
            type="number"
            inputMode="numeric"
            min={0}
            max={59}
            step={5}
            value={values.minutes}
            aria-invalid={invalid}
            onChange={(event) => set('minutes', event.target.value)}
          />
          <span>{t('corrections.minutesUnit')}</span>
        </label>
      </div>
      {error('duration') ? (
        <span className="field-error">{error('duration')}</span>
      ) : hint ? (
        <span className="field-hint">{hint}</span>
      ) : null}
    </fieldset>
  );
}

/** Wrong hours: the length the record should have, or none at all (reverse only). */
export function WrongHoursFields({
  request,
  values,
  set,
  error,
}: {
  request: CorrectionRequest;
  values: ResolveValues;
  set: Setter;
  error: ErrorText;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const record = request.record;
  if (!record) return null;
  const minutes = lengthMinutes(values);
  const recorded = format.hours(record.minutes);
  const points = format.number(record.points ?? 0);
  return (
    <div className="stack-small correction-change">
      {values.notAtAll ? null : (
        <LengthFields
          legend={t('corrections.correctedLength')}
          values={values}
          set={set}
          error={error}
          hint={
            minutes > 0
              ? t('corrections.lengthTotal', { hours: format.hours(minutes), recorded })
              : null
          }
        />
      )}
      <label className="check-label">
        <input
          type="checkbox"
          className="checkbox"
          checked={values.notAtAll}
          onChange={(event) => set('notAtAll', event.target.checked)}
        />
        {t('corrections.notAtAll')}
      </label>
      <p className="notice">
        {values.notAtAll
          ? t('corrections.willReverseOnly', { points, recorded })
          : t('corrections.willReverse', {
              points,
              recorded,
              hours: minutes > 0 ? format.hours(minutes) : '—',
            })}
      </p>
    </div>
  );
}

/** Missing record: the service to log, as the office checked it. */
export function MissingRecordFields({
  organizations,
  loading,
  values,
  set,
  error,
}: {
  organizations: { id: string; name: string }[];
  loading: boolean;
  values: ResolveValues;
  set: Setter;
  error: ErrorText;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const categoryLabel = useCategoryLabel();
  const minutes = lengthMinutes(values);
  return (
    <div className="stack-small correction-change">
      {!loading && organizations.length === 0 ? (
        <p className="notice notice-warning">{t('corrections.noMembership')}</p>
      ) : null}
      <div className="form-grid">
        <Field
          label={t('corrections.organization')}
          hint={t('corrections.organizationHint')}
          error={error('organizationId')}
        >
          {(control) => (
            <select
              {...control}
              className="select"
              value={values.organizationId}
              onChange={(event) => set('organizationId', event.target.value)}
            >
              <option value="">{t('corrections.chooseOrganization')}</option>
              {organizations.map((organization) => (
                <option key={organization.id} value={organization.id}>
                  {organization.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('corrections.activityTitle')} error={error('title')}>
          {(control) => (
            <input
              {...control}
              className="input"
              maxLength={200}
              value={values.title}
              onChange={(event) => set('title', event.target.value)}
            />
          )}
        </Field>
        <Field label={t('corrections.category')} error={error('category')}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={values.category}
              onChange={(event) => set('category', event.target.value as ResolveValues['category'])}
            >
              <option value="">{t('corrections.chooseCategory')}</option>
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
        <Field label={t('corrections.place')} error={error('place')}>
          {(control) => (
            <input
              {...control}
              className="input"
              maxLength={200}
              value={values.place}
              onChange={(event) => set('place', event.target.value)}
            />
          )}
        </Field>
        <Field label={t('corrections.date')} error={error('date')}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="date"
              value={values.date}
              onChange={(event) => set('date', event.target.value)}
            />
          )}
        </Field>
        <Field label={t('corrections.startTime')} error={error('time')}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="time"
              value={values.time}
              onChange={(event) => set('time', event.target.value)}
            />
          )}
        </Field>
      </div>
      <LengthFields
        legend={t('corrections.length')}
        values={values}
        set={set}
        error={error}
        hint={minutes > 0 ? t('corrections.lengthOnly', { hours: format.hours(minutes) }) : null}
      />
    </div>
  );
}
