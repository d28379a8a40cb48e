import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ConfirmHelpRequest,
  HelpClaim,
  HelpConfirmed,
  HelpRequest,
  KioskApi,
} from '../api/kiosk-client';
import { useConfirmedWrite } from '../api/use-confirmed-write';
import { useHoldIdle } from '../session/idle-hold';
import { BackIcon, CheckIcon } from '../ui/icons';
import { WriteStatus } from '../ui/write-status';
import { MinutesPicker } from './minutes-picker';
import { durationText, helpKindText, startingMinutes } from './timebank-words';

/** Refusals after which choosing again cannot help: the resident goes back to their requests. */
const settled = new Set(['ALREADY_CONFIRMED', 'CLAIM_SETTLED', 'REQUEST_CLOSED', 'NOT_FOUND']);

/**
 * The requester says the help happened and how long it took, by taps: the helper's word (or the
 * estimate) to start from, a quarter of an hour less or more, and one confirm that moves that
 * much time credit to the helper, once, under one idempotency key.
 */
export function ConfirmHelpScreen({
  api,
  request,
  claim,
  onBack,
  onDone,
}: {
  api: KioskApi;
  request: HelpRequest;
  claim: HelpClaim;
  onBack: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState(() => startingMinutes(request, claim));
  const send = useCallback(
    (input: ConfirmHelpRequest, signal: AbortSignal) =>
      api.timebank.confirm.mutate(input, { signal }),
    [api],
  );
  const { state, confirm, locked } = useConfirmedWrite<
    Omit<ConfirmHelpRequest, 'idempotencyKey'>,
    HelpConfirmed
  >(send);
  useHoldIdle(state.status === 'sending');
  const name = claim.helperName ?? '';
  if (state.status === 'done')
    return <ConfirmedHelp name={name} result={state.result} onDone={onDone} />;
  const time = durationText(t, minutes);
  const refusedForGood = state.status === 'refused' && settled.has(state.failure.code ?? '');

  return (
    <section className="help-step" aria-labelledby="confirm-help-title">
      <h1 id="confirm-help-title">{t('confirmHelp.title')}</h1>
      <div className="summary">
        <p className="summary-take">
          {t('confirmHelp.helpedBy', { name, kind: helpKindText(t, request.kind) })}
        </p>
        <p>
          {claim.proposedMinutes !== null
            ? t('confirmHelp.proposed', { name, time: durationText(t, claim.proposedMinutes) })
            : t('confirmHelp.estimate', { time: durationText(t, request.minutesEstimate) })}
        </p>
      </div>
      <p className="help-step-question">{t('confirmHelp.howLong')}</p>
      <MinutesPicker minutes={minutes} onChange={setMinutes} disabled={locked} />
      <p className="lead">{t('confirmHelp.willMove', { time, name })}</p>
      <WriteStatus state={state} />
      <div className="actions">
        <button
          type="button"
          className="button button-secondary button-large"
          onClick={onBack}
          disabled={locked}
        >
          <BackIcon />
          {t('common.back')}
        </button>
        {!refusedForGood && (
          <button
            type="button"
            className="button button-primary button-huge"
            disabled={state.status === 'sending'}
            onClick={() => confirm({ requestId: request.id, helperId: claim.helperId, minutes })}
          >
            {state.status === 'unreachable'
              ? t('common.tryAgain')
              : t('confirmHelp.confirm', { time })}
          </button>
        )}
      </div>
    </section>
  );
}

/** "1 h moved to 李明; the care pool paid 30 min of it." */
function ConfirmedHelp({
  name,
  result,
  onDone,
}: {
  name: string;
  result: HelpConfirmed;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="help-step" aria-labelledby="confirmed-help-title">
      <h1 id="confirmed-help-title">
        <CheckIcon className="icon icon-success" />
        {t('confirmHelp.doneTitle')}
      </h1>
      <p className="help-done-text">
        {t('confirmHelp.moved', { time: durationText(t, result.minutes), name })}
      </p>
      {result.poolMinutes > 0 && (
        <p className="lead">
          {t('confirmHelp.poolPaid', { time: durationText(t, result.poolMinutes) })}
        </p>
      )}
      {result.pointsEarned > 0 && (
        <p className="lead">
          {t('confirmHelp.pointsEarned', { name, count: result.pointsEarned })}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button button-primary button-huge" onClick={onDone}>
          {t('timebank.done')}
        </button>
      </div>
    </section>
  );
}
