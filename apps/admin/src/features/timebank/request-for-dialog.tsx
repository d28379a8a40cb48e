import type { Resident } from '@tally/domain/residents';
import {
  HELP_DESCRIPTION_MAX,
  HELP_NOTE_MAX,
  HELP_PLACE_MAX,
  HELPERS_MAX,
  type HelpKind,
  helpKinds,
} from '@tally/domain/timebank';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { useBuildingLabel } from '../../i18n/format';
import { DateTimeFields } from '../../ui/date-time-fields';
import { FormDialog } from '../../ui/dialog';
import { DigitsInput, Field } from '../../ui/field';
import { useToast } from '../../ui/toast';
import { ResidentSearch } from '../residents/resident-search';
import {
  emptyRequestFor,
  type RequestForErrors,
  requestForInput,
  validateRequestFor,
} from './request-for-form';
import { useHelpKindLabel } from './timebank-labels';
import { TIMEBANK_QUERIES } from './use-help-request';

/**
 * The office asks for help for a resident who cannot (housebound, no phone): who, what, when,
 * where, how long, how many helpers, and why the office asks.
 */
export function RequestForDialog({
  onClose,
  onAsked,
}: {
  onClose: () => void;
  onAsked: (id: string) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const kindLabel = useHelpKindLabel();
  const buildingLabel = useBuildingLabel();
  const [values, setValues] = useState(emptyRequestFor);
  const [resident, setResident] = useState<Resident | null>(null);
  const [errors, setErrors] = useState<RequestForErrors>({});
  const ask = useApiMutation(api.timebank.requestFor.mutate, {
    invalidates: TIMEBANK_QUERIES,
    onSuccess: (result) => {
      toast(t('timebank.requestFor.done'));
      onAsked(result.id);
      onClose();
    },
  });
  const set = (next: Partial<typeof values>) => setValues({ ...values, ...next });
  const error = (field: keyof RequestForErrors) =>
    errors[field] ? t(`timebank.requestFor.errors.${field}`) : undefined;

  return (
    <FormDialog
      id="request-for-form"
      open
      onClose={onClose}
      title={t('timebank.requestFor.title')}
      submitLabel={t('timebank.requestFor.submit')}
      pending={ask.isPending}
      error={ask.error}
      wide
      onSubmit={() => {
        const found = validateRequestFor(values);
        setErrors(found);
        if (Object.keys(found).length === 0) ask.mutate(requestForInput(values));
      }}
    >
      <p className="muted">{t('timebank.requestFor.hint')}</p>
      <fieldset className="plain-fieldset stack-small">
        <legend className="field-label">{t('timebank.requestFor.resident')}</legend>
        {resident ? (
          <p className="row">
            <strong translate="no">
              {resident.name} · {resident.cardNumber}
              {resident.building ? ` · ${buildingLabel(resident.building)}` : ''}
            </strong>
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                setResident(null);
                set({ residentId: '' });
              }}
            >
              {t('timebank.requestFor.change')}
            </button>
          </p>
        ) : (
          <ResidentSearch
            label={t('timebank.requestFor.findResident')}
            actionLabel={t('timebank.requestFor.choose')}
            onPick={(picked) => {
              setResident(picked);
              set({ residentId: picked.id });
            }}
          />
        )}
        {error('resident') ? <span className="field-error">{error('resident')}</span> : null}
      </fieldset>
      <div className="form-grid">
        <Field label={t('timebank.requestFor.kind')}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={values.kind}
              onChange={(event) => set({ kind: event.target.value as HelpKind })}
            >
              {helpKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {kindLabel(kind)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('timebank.requestFor.estimate')} error={error('estimate')}>
          {(control) => (
            <DigitsInput
              control={control}
              maxLength={4}
              value={values.minutes}
              onChange={(minutes) => set({ minutes })}
            />
          )}
        </Field>
        <Field label={t('timebank.requestFor.helpers')}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={values.helpers}
              onChange={(event) => set({ helpers: Number(event.target.value) })}
            >
              {Array.from({ length: HELPERS_MAX }, (_, index) => index + 1).map((count) => (
                <option key={count} value={count}>
                  {count}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t('timebank.requestFor.description')}>
        {(control) => (
          <textarea
            {...control}
            className="textarea"
            maxLength={HELP_DESCRIPTION_MAX}
            value={values.description}
            onChange={(event) => set({ description: event.target.value })}
          />
        )}
      </Field>
      <DateTimeFields
        labels={{
          date: t('timebank.requestFor.whenDate'),
          time: t('timebank.requestFor.whenTime'),
        }}
        date={values.whenDate}
        time={values.whenTime}
        onDate={(whenDate) => set({ whenDate })}
        onTime={(whenTime) => set({ whenTime })}
        error={error('when')}
      />
      <p className="field-hint">{t('timebank.requestFor.whenHint')}</p>
      <Field label={t('timebank.requestFor.place')} hint={t('timebank.requestFor.placeHint')}>
        {(control) => (
          <input
            {...control}
            className="input"
            maxLength={HELP_PLACE_MAX}
            value={values.place}
            onChange={(event) => set({ place: event.target.value })}
          />
        )}
      </Field>
      <Field
        label={t('timebank.requestFor.reason')}
        hint={t('timebank.requestFor.reasonHint')}
        error={error('reason')}
      >
        {(control) => (
          <textarea
            {...control}
            className="textarea"
            maxLength={HELP_NOTE_MAX}
            value={values.reason}
            onChange={(event) => set({ reason: event.target.value })}
          />
        )}
      </Field>
      <label className="check-label">
        <input
          type="checkbox"
          checked={values.showOnBoard}
          onChange={(event) => set({ showOnBoard: event.target.checked })}
        />
        {t('timebank.requestFor.showOnBoard')}
      </label>
    </FormDialog>
  );
}
