import { formatShortDate } from '@tally/client/format';
import { inLanguage } from '@tally/domain/localized-text';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CorrectionRequest, KioskApi, MyCorrection, MyRecord } from '../api/kiosk-client';
import { useConfirmedWrite } from '../api/use-confirmed-write';
import { hoursText } from '../i18n/hours';
import { useHoldIdle } from '../session/idle-hold';
import { BackIcon } from '../ui/icons';
import { Stepper } from '../ui/stepper';
import { useLanguage } from '../ui/use-language';
import { WriteStatus } from '../ui/write-status';
import {
  type CorrectionForm,
  type CorrectionKind,
  formProblem,
  MAX_MINUTES,
  MAX_REASON,
  MIN_MINUTES,
  MINUTE_STEP,
  reasonChoices,
  startForm,
  toRequest,
} from './correction-form';
import { MissingRecordScreen } from './missing-record-screen';

type Send = Omit<CorrectionRequest, 'idempotencyKey'>;

/**
 * Ask for a correction: what is wrong (hours, or a missing record), the right length with big
 * +/- buttons, a short reason (one tap, or typed), then a check step that sends it once. A
 * missing record is named on a screen of its own, by taps.
 */
export function CorrectionScreen({
  api,
  record,
  onBack,
  onDone,
}: {
  api: KioskApi;
  record: MyRecord | null;
  onBack: () => void;
  onDone: (result: MyCorrection) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form, setForm] = useState<CorrectionForm>(() => startForm(record));
  const [checking, setChecking] = useState(false);
  const send = useCallback(
    (input: CorrectionRequest, signal: AbortSignal) =>
      api.requestCorrection.mutate(input, { signal }),
    [api],
  );
  const { state, confirm, locked } = useConfirmedWrite<Send, MyCorrection>(send, { onDone });
  useHoldIdle(state.status === 'sending');
  const problem = formProblem(form, record);
  const hours = (minutes: number) => hoursText(t, minutes, language);
  const setKind = (kind: CorrectionKind) => setForm({ ...form, kind, reason: '' });

  if (form.kind === 'missing_record') {
    return (
      <MissingRecordScreen
        api={api}
        onBack={record ? () => setKind('wrong_hours') : onBack}
        onDone={onDone}
      />
    );
  }

  const recordText = record
    ? t('service.aboutRecordLong', {
        activity: record.activity.title,
        organization: inLanguage(record.organization.name, language),
        date: formatShortDate(`${record.serviceDate}T12:00:00Z`, language),
        hours: hours(record.minutes),
      })
    : null;

  if (checking) {
    return (
      <section className="correction" aria-labelledby="correction-title">
        <h1 id="correction-title">{t('service.checkTitle')}</h1>
        <div className="summary correction-summary">
          {form.kind === 'wrong_hours' && record ? (
            <p className="summary-take">
              {t('service.checkHours', {
                record: recordText,
                hours: hours(form.minutes),
              })}
            </p>
          ) : (
            <p className="summary-take">{t('service.checkMissing')}</p>
          )}
          <p>{t('service.checkReason', { reason: form.reason.trim() })}</p>
          <p>{t('service.checkNext')}</p>
        </div>
        <WriteStatus state={state} />
        <div className="actions">
          <button
            type="button"
            className="button button-secondary button-large"
            onClick={() => setChecking(false)}
            disabled={locked}
          >
            <BackIcon />
            {t('service.change')}
          </button>
          <button
            type="button"
            className="button button-primary button-huge"
            disabled={state.status === 'sending'}
            onClick={() => confirm(toRequest(form, record))}
          >
            {state.status === 'unreachable' ? t('common.tryAgain') : t('service.send')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="correction" aria-labelledby="correction-title">
      <h1 id="correction-title">{t('service.askTitle')}</h1>
      {recordText && <p className="lead">{recordText}</p>}
      <div className="correction-layout">
        <div className="correction-column">
          {record && (
            <fieldset className="choice-group">
              <legend>{t('service.whatWrong')}</legend>
              {(['wrong_hours', 'missing_record'] as const).map((kind) => (
                <button
                  key={kind}
                  type="button"
                  className="button button-quiet choice"
                  aria-pressed={form.kind === kind}
                  onClick={() => setKind(kind)}
                >
                  {t(`service.kind.${kind}`)}
                </button>
              ))}
            </fieldset>
          )}
          {form.kind === 'wrong_hours' && record ? (
            <div className="correction-hours">
              <p className="field-label" id="right-hours">
                {t('service.rightHours')}
              </p>
              <Stepper
                value={form.minutes}
                min={MIN_MINUTES}
                max={MAX_MINUTES}
                step={MINUTE_STEP}
                onChange={(minutes) => setForm({ ...form, minutes })}
                label={t('service.rightHours')}
                fewerLabel={t('service.fewer')}
                moreLabel={t('service.more')}
                format={hours}
              />
              <p className="lead">{t('service.recorded', { hours: hours(record.minutes) })}</p>
            </div>
          ) : null}
        </div>
        <div className="correction-column">
          <fieldset className="choice-group">
            <legend>{t('service.why')}</legend>
            {reasonChoices[form.kind].map((choice) => {
              const text = t(`service.reasons.${choice}`);
              return (
                <button
                  key={choice}
                  type="button"
                  className="button button-quiet choice"
                  aria-pressed={form.reason === text}
                  onClick={() => setForm({ ...form, reason: text })}
                >
                  {text}
                </button>
              );
            })}
          </fieldset>
          <label className="reason-field">
            <span className="field-label">{t('service.reasonLabel')}</span>
            <input
              type="text"
              value={form.reason}
              maxLength={MAX_REASON}
              onChange={(event) => setForm({ ...form, reason: event.target.value })}
            />
          </label>
        </div>
      </div>
      <div className="correction-footer">
        <p className="lead" role="status">
          {problem ? t(`service.problem.${problem}`) : ''}
        </p>
        <div className="actions">
          <button type="button" className="button button-secondary button-large" onClick={onBack}>
            <BackIcon />
            {t('common.back')}
          </button>
          <button
            type="button"
            className="button button-primary button-huge"
            disabled={problem !== null}
            onClick={() => setChecking(true)}
          >
            {t('common.next')}
          </button>
        </div>
      </div>
    </section>
  );
}
