import { describeApiError } from '@tally/client/api-error';
import type { CorrectionRequest } from '@tally/domain/corrections';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { Field } from '../../ui/field';
import { useToast } from '../../ui/toast';
import { useResolveErrorMessage } from './correction-labels';
import { MissingRecordFields, WrongHoursFields } from './resolve-fields';
import {
  initialResolveValues,
  type ResolveErrors,
  type ResolveValues,
  toResolveInput,
  validateResolve,
} from './resolve-form';

/** The office's answer: correct (as the request's kind needs) or decline, always with a reason. */
export function ResolvePanel({
  request,
  onClosed,
}: {
  request: CorrectionRequest;
  /** The request turned out to be answered already (by someone else): show that answer. */
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const name = useId();
  const errorMessage = useResolveErrorMessage();
  const resident = useApiQuery(
    'residents.get',
    { id: request.resident.id },
    api.residents.get.query,
    { enabled: request.kind === 'missing_record' },
  );
  const organizations = resident.data?.organizations ?? [];
  const [values, setValues] = useState<ResolveValues>(() => initialResolveValues(request));
  const [errors, setErrors] = useState<ResolveErrors>({});
  // The resident's only organization is the likely one; prefill it once it is known.
  const [prefilled, setPrefilled] = useState(false);
  if (!prefilled && resident.data) {
    setPrefilled(true);
    if (organizations.length === 1 && !values.organizationId) {
      setValues((current) => ({ ...current, organizationId: organizations[0]?.id ?? '' }));
    }
  }
  const resolve = useApiMutation(api.corrections.resolve.mutate, {
    invalidates: [
      'corrections.list',
      'corrections.get',
      'service.list',
      'residents.get',
      'residents.list',
      'ledger.journal',
      'notices.list',
    ],
    onSuccess: (result) => {
      const outcome = result.resolution;
      toast(
        outcome?.decision === 'decline'
          ? t('corrections.declinedToast')
          : outcome?.newRecord?.status === 'pending'
            ? t('corrections.loggedToast')
            : t('corrections.acceptedToast'),
      );
    },
  });
  const set = <K extends keyof ResolveValues>(field: K, value: ResolveValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));
  const error = (field: keyof ResolveErrors) =>
    errors[field] ? t(`corrections.errors.${errors[field]}`) : undefined;
  const closed = describeApiError(resolve.error).code === 'CORRECTION_CLOSED';

  return (
    <section className="card" aria-labelledby="answer-title">
      <h2 id="answer-title">{t('corrections.answerTitle')}</h2>
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const found = validateResolve(request, values);
          setErrors(found);
          if (Object.keys(found).length > 0) return;
          resolve.mutate(toResolveInput(request, values), {
            onError: (failure) => {
              if (describeApiError(failure).code === 'CORRECTION_CLOSED') onClosed();
            },
          });
        }}
      >
        <fieldset className="plain-fieldset field">
          <legend className="field-label">{t('corrections.decision')}</legend>
          <div className="decision-choices">
            {(['accept', 'decline'] as const).map((decision) => (
              <label key={decision} className="decision-choice">
                <input
                  type="radio"
                  name={name}
                  value={decision}
                  checked={values.decision === decision}
                  aria-invalid={errors.decision ? true : undefined}
                  onChange={() => set('decision', decision)}
                />
                <span>
                  <strong>
                    {decision === 'accept'
                      ? t(`corrections.accept.${request.kind}`)
                      : t('corrections.decline')}
                  </strong>
                  <span className="muted">
                    {decision === 'accept'
                      ? t(`corrections.acceptHint.${request.kind}`)
                      : t('corrections.declineHint')}
                  </span>
                </span>
              </label>
            ))}
          </div>
          {error('decision') ? <span className="field-error">{error('decision')}</span> : null}
        </fieldset>
        {values.decision === 'accept' && request.kind === 'wrong_hours' ? (
          <WrongHoursFields request={request} values={values} set={set} error={error} />
        ) : null}
        {values.decision === 'accept' && request.kind === 'missing_record' ? (
          <MissingRecordFields
            organizations={organizations}
            loading={resident.isPending}
            values={values}
            set={set}
            error={error}
          />
        ) : null}
        <Field
          label={t('corrections.answerReason')}
          hint={t('corrections.answerReasonHint')}
          error={error('reason')}
        >
          {(control) => (
            <textarea
              {...control}
              className="textarea"
              maxLength={500}
              value={values.reason}
              onChange={(event) => set('reason', event.target.value)}
            />
          )}
        </Field>
        {resolve.error ? (
          <div className={closed ? 'notice' : 'notice notice-danger'} role="alert">
            {errorMessage(resolve.error)}
          </div>
        ) : null}
        <div className="form-actions">
          <button
            type="submit"
            className={
              values.decision === 'decline' ? 'button button-danger' : 'button button-primary'
            }
            disabled={resolve.isPending}
          >
            {resolve.isPending
              ? t('common.saving')
              : values.decision === 'decline'
                ? t('corrections.submitDecline')
                : t(`corrections.submitAccept.${request.kind}`)}
          </button>
        </div>
      </form>
    </section>
  );
}
