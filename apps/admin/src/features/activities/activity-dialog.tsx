import type { StaffActivity } from '@tally/domain/activities';
import type { ServiceCategory } from '@tally/domain/categories';
import { ACTIVITY_TITLE_MAX } from '@tally/domain/service';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { DateInput, TimeInput } from '../../ui/date-input';
import { DateTimeFields } from '../../ui/date-time-fields';
import { FormDialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { LocalizedFields } from '../../ui/localized-fields';
import { useToast } from '../../ui/toast';
import { CategoryOptions } from '../service/category-options';
import {
  type ActivityFormErrors,
  type ActivityFormField,
  type ActivityFormValues,
  activityFormValues,
  activityTerms,
  activityTimes,
  emptyActivityForm,
  validateActivityForm,
} from './activity-form';
import { InviteFields } from './invite-fields';
import { ACTIVITY_QUERIES } from './use-activity';

/**
 * Drafts a new activity, or changes one (`activity`): its title in each language, what, where
 * and when, places, when sign-up opens, and who is invited. A draft is published apart. Shown
 * while mounted: each opening starts from the activity as it is (or an empty draft).
 */
export function ActivityDialog({
  activity,
  category,
  onClose,
  onSaved,
}: {
  activity?: StaffActivity;
  /** A new activity's category chosen beforehand (a consultation meeting: community affairs). */
  category?: ServiceCategory;
  onClose: () => void;
  onSaved?: (activity: StaffActivity) => void;
}) {
  const { t } = useTranslation();
  const inLanguage = useLocalizedName();
  const api = useApi();
  const toast = useToast();
  const organizations = useApiQuery('organizations.list', undefined, () =>
    api.organizations.list.query(),
  );
  const only = organizations.data?.length === 1 ? (organizations.data[0]?.id ?? '') : '';
  const [values, setValues] = useState<ActivityFormValues>(() =>
    activity
      ? activityFormValues(activity)
      : { ...emptyActivityForm(only), ...(category ? { category } : {}) },
  );
  const [errors, setErrors] = useState<ActivityFormErrors>({});
  // A leader of one organization drafts for it: chosen once the list has loaded.
  useEffect(() => {
    if (only) setValues((v) => (v.organizationId ? v : { ...v, organizationId: only }));
  }, [only]);

  const saved = (result: StaffActivity) => {
    toast(
      t(activity ? 'activities.saved' : 'activities.created', { title: inLanguage(result.title) }),
    );
    onSaved?.(result);
    onClose();
  };
  const create = useApiMutation(api.activities.create.mutate, {
    invalidates: ACTIVITY_QUERIES,
    onSuccess: saved,
  });
  const update = useApiMutation(api.activities.update.mutate, {
    invalidates: ACTIVITY_QUERIES,
    onSuccess: saved,
  });
  const write = activity ? update : create;

  const set = (next: Partial<ActivityFormValues>) => setValues((v) => ({ ...v, ...next }));
  const error = (field: ActivityFormField) =>
    errors[field] ? t(`activities.form.errors.${errors[field]}`) : undefined;

  return (
    <FormDialog
      id="activity-form"
      open
      onClose={onClose}
      title={
        activity
          ? t('activities.editTitle', { title: inLanguage(activity.title) })
          : t('activities.create')
      }
      submitLabel={activity ? t('common.save') : t('activities.createSubmit')}
      pending={write.isPending}
      error={write.error}
      wide
      onSubmit={() => {
        const found = validateActivityForm(values);
        setErrors(found);
        if (Object.keys(found).length > 0) return;
        const terms = activityTerms(values);
        if (activity) update.mutate({ id: activity.id, ...terms });
        else create.mutate({ organizationId: values.organizationId, ...terms });
      }}
    >
      {activity ? null : <p className="muted">{t('activities.createHint')}</p>}
      <LocalizedFields
        kind="title"
        value={values.title}
        onChange={(title) => set({ title })}
        maxLength={ACTIVITY_TITLE_MAX}
        error={error('title')}
      />
      <div className="form-grid">
        {activity ? (
          <div className="field">
            <span className="field-label">{t('activities.organization')}</span>
            <span>{inLanguage(activity.organization.name)}</span>
          </div>
        ) : (
          <Field label={t('activities.organization')} error={error('organizationId')}>
            {(control) => (
              <select
                {...control}
                className="select"
                value={values.organizationId}
                onChange={(event) => set({ organizationId: event.target.value })}
              >
                <option value="">{t('logHours.chooseOrganization')}</option>
                {(organizations.data ?? []).map((organization) => (
                  <option key={organization.id} value={organization.id}>
                    {inLanguage(organization.name)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label={t('activities.category')} error={error('category')}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={values.category}
              onChange={(event) =>
                set({ category: event.target.value as ActivityFormValues['category'] })
              }
            >
              <option value="">{t('logHours.chooseCategory')}</option>
              <CategoryOptions />
            </select>
          )}
        </Field>
        <Field label={t('activities.place')} error={error('place')}>
          {(control) => (
            <input
              {...control}
              className="input"
              maxLength={200}
              value={values.place}
              onChange={(event) => set({ place: event.target.value })}
            />
          )}
        </Field>
      </div>
      <ActivityTimeFields values={values} set={set} error={error} />
      <div className="form-grid">
        <Field
          label={t('activities.form.slots')}
          hint={t('activities.form.slotsHint')}
          error={error('slots')}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              inputMode="numeric"
              maxLength={5}
              value={values.slots}
              onChange={(event) => set({ slots: event.target.value })}
            />
          )}
        </Field>
        <label className="check-label activity-waiting-list">
          <input
            type="checkbox"
            className="checkbox"
            disabled={!values.slots.trim()}
            checked={values.waitingList && values.slots.trim() !== ''}
            onChange={(event) => set({ waitingList: event.target.checked })}
          />
          {t('activities.form.waitingList')}
        </label>
      </div>
      <SignUpOpensFields values={values} set={set} error={error('opens')} />
      <InviteFields value={values} onChange={set} error={error('invite')} />
      <LocalizedFields
        kind="description"
        value={values.description}
        onChange={(description) => set({ description })}
        maxLength={2000}
        multiline
      />
    </FormDialog>
  );
}

type FieldsProps = {
  values: ActivityFormValues;
  set: (next: Partial<ActivityFormValues>) => void;
};

/** The day, and the times it starts and ends; how long that is said below. */
function ActivityTimeFields({
  values,
  set,
  error,
}: FieldsProps & { error: (field: ActivityFormField) => string | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const times = activityTimes(values);
  return (
    <div className="stack-small">
      <div className="form-grid">
        <Field label={t('activities.form.date')} error={error('date')}>
          {(control) => (
            <DateInput control={control} value={values.date} onChange={(date) => set({ date })} />
          )}
        </Field>
        <Field label={t('activities.form.startTime')} error={error('startTime')}>
          {(control) => (
            <TimeInput
              control={control}
              value={values.startTime}
              onChange={(startTime) => set({ startTime })}
            />
          )}
        </Field>
        <Field label={t('activities.form.endTime')} error={error('endTime')}>
          {(control) => (
            <TimeInput
              control={control}
              value={values.endTime}
              onChange={(endTime) => set({ endTime })}
            />
          )}
        </Field>
      </div>
      {times ? (
        <p className="field-hint" aria-live="polite">
          {t(times.nextDay ? 'activities.form.lastsNextDay' : 'activities.form.lasts', {
            hours: format.hours(times.minutes),
          })}
        </p>
      ) : null}
    </div>
  );
}

/** When residents may start signing up; empty: as soon as it is published. */
function SignUpOpensFields({ values, set, error }: FieldsProps & { error: string | undefined }) {
  const { t } = useTranslation();
  return (
    <fieldset className="plain-fieldset stack-small">
      <legend className="field-label">{t('activities.form.opens')}</legend>
      <p className="field-hint">{t('activities.form.opensHint')}</p>
      <DateTimeFields
        labels={{ date: t('activities.form.opensDate'), time: t('activities.form.opensTime') }}
        date={values.opensDate}
        time={values.opensTime}
        onDate={(opensDate) => set({ opensDate })}
        onTime={(opensTime) => set({ opensTime })}
      />
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}
