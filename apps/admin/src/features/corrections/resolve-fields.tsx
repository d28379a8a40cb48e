import type { CorrectionRequest } from '@tally/domain/corrections';
import type { LocalizedText } from '@tally/domain/localized-text';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { Field } from '../../ui/field';
import { ActivityFields, DurationFields } from '../service/activity-fields';
import { durationMinutes } from '../service/activity-form';
import type { ResolveErrors, ResolveValues } from './resolve-form';

type Setter = <K extends keyof ResolveValues>(field: K, value: ResolveValues[K]) => void;
type ErrorText = (field: keyof ResolveErrors) => string | undefined;

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
  const minutes = durationMinutes(values);
  const recorded = format.hours(record.minutes);
  const points = format.number(record.points ?? 0);
  return (
    <div className="stack-small correction-change">
      {values.notAtAll ? null : (
        <DurationFields
          legend={t('corrections.correctedLength')}
          values={values}
          set={set}
          error={error('duration')}
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
  organizations: { id: string; name: LocalizedText }[];
  loading: boolean;
  values: ResolveValues;
  set: Setter;
  error: ErrorText;
}) {
  const inLanguage = useLocalizedName();
  const { t } = useTranslation();
  const format = useFormat();
  const minutes = durationMinutes(values);
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
                  {inLanguage(organization.name)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ActivityFields values={values} set={set} error={error} />
      </div>
      <DurationFields
        legend={t('corrections.length')}
        values={values}
        set={set}
        error={error('duration')}
        hint={minutes > 0 ? t('corrections.lengthOnly', { hours: format.hours(minutes) }) : null}
      />
    </div>
  );
}
