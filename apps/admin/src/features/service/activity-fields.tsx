import { ACTIVITY_TITLE_MAX } from '@tally/domain/service';
import { useTranslation } from 'react-i18next';
import { DateInput, TimeInput } from '../../ui/date-input';
import { todayLocal } from '../../ui/dates';
import { Field } from '../../ui/field';
import type { ActivityField, ActivityValues } from './activity-form';
import { CategoryOptions } from './category-options';

type ActivityText = Pick<ActivityValues, 'title' | 'category' | 'place' | 'date' | 'time'>;
/** A form's own `set`, narrowed to these fields (overloads keep the category's type). */
type ActivitySetter = {
  (field: 'title' | 'place' | 'date' | 'time', value: string): void;
  (field: 'category', value: ActivityText['category']): void;
};

/**
 * What was done, where and when: title, category, place, date and start time. The fields go
 * straight into the caller's form grid, which holds the fields around them (organization, …).
 */
export function ActivityFields({
  values,
  set,
  error,
}: {
  values: ActivityText;
  set: ActivitySetter;
  error: (field: ActivityField) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('logHours.activityTitle')} error={error('title')}>
        {(control) => (
          <input
            {...control}
            className="input"
            maxLength={ACTIVITY_TITLE_MAX}
            value={values.title}
            onChange={(event) => set('title', event.target.value)}
          />
        )}
      </Field>
      <Field label={t('logHours.category')} error={error('category')}>
        {(control) => (
          <select
            {...control}
            className="select"
            value={values.category}
            onChange={(event) => set('category', event.target.value as ActivityText['category'])}
          >
            <option value="">{t('logHours.chooseCategory')}</option>
            <CategoryOptions />
          </select>
        )}
      </Field>
      <Field label={t('logHours.place')} error={error('place')}>
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
      <Field label={t('logHours.date')} error={error('date')}>
        {(control) => (
          <DateInput
            control={control}
            max={todayLocal()}
            value={values.date}
            onChange={(day) => set('date', day)}
          />
        )}
      </Field>
      <Field label={t('logHours.startTime')} error={error('time')}>
        {(control) => (
          <TimeInput control={control} value={values.time} onChange={(time) => set('time', time)} />
        )}
      </Field>
    </>
  );
}

/** How long the service lasted, in hours and minutes, with the total in words below. */
export function DurationFields({
  legend,
  values,
  set,
  error,
  hint,
}: {
  legend: string;
  values: Pick<ActivityValues, 'hours' | 'minutes'>;
  set: (field: 'hours' | 'minutes', value: string) => void;
  error: string | undefined;
  hint: string | null;
}) {
  const { t } = useTranslation();
  const invalid = error ? true : undefined;
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
          <span>{t('logHours.hoursUnit')}</span>
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
          <span>{t('logHours.minutesUnit')}</span>
        </label>
      </div>
      {error ? (
        <span className="field-error">{error}</span>
      ) : hint ? (
        <span className="field-hint">{hint}</span>
      ) : null}
    </fieldset>
  );
}
