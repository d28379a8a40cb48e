import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ClaimChanged,
  HelpRequest,
  KioskApi,
  ProposeMinutesRequest,
} from '../api/kiosk-client';
import { useConfirmedWrite } from '../api/use-confirmed-write';
import { useHoldIdle } from '../session/idle-hold';
import { BackIcon, CheckIcon } from '../ui/icons';
import { WriteStatus } from '../ui/write-status';
import { MinutesPicker } from './minutes-picker';
import { durationText, helpKindText, startingMinutes } from './timebank-words';

/**
 * The helper says how long the help took, by taps, for the requester to confirm: it moves no
 * credit by itself, so a second word replaces the first.
 */
export function ProposeMinutesScreen({
  api,
  request,
  onBack,
  onDone,
}: {
  api: KioskApi;
  request: HelpRequest;
  onBack: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState(() => startingMinutes(request, request.claims[0]));
  const send = useCallback(
    (input: ProposeMinutesRequest, signal: AbortSignal) =>
      api.timebank.propose.mutate(input, { signal }),
    [api],
  );
  const { state, confirm, locked } = useConfirmedWrite<
    Omit<ProposeMinutesRequest, 'idempotencyKey'>,
    ClaimChanged
  >(send);
  useHoldIdle(state.status === 'sending');
  const name = request.requesterName ?? '';
  const time = durationText(t, minutes);
  if (state.status === 'done')
    return (
      <section className="help-step" aria-labelledby="proposed-title">
        <h1 id="proposed-title">
          <CheckIcon className="icon icon-success" />
          {t('proposeMinutes.doneTitle')}
        </h1>
        <p className="help-done-text">{t('proposeMinutes.doneText', { time, name })}</p>
        <div className="actions">
          <button type="button" className="button button-primary button-huge" onClick={onDone}>
            {t('timebank.done')}
          </button>
        </div>
      </section>
    );

  return (
    <section className="help-step" aria-labelledby="propose-title">
      <h1 id="propose-title">{t('proposeMinutes.title')}</h1>
      <div className="summary">
        <p className="summary-take">
          {t('proposeMinutes.helping', { name, kind: helpKindText(t, request.kind) })}
        </p>
        <p>{t('proposeMinutes.hint', { name })}</p>
      </div>
      <MinutesPicker minutes={minutes} onChange={setMinutes} disabled={locked} />
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
        <button
          type="button"
          className="button button-primary button-huge"
          disabled={state.status === 'sending'}
          onClick={() => confirm({ requestId: request.id, minutes })}
        >
          {state.status === 'unreachable'
            ? t('common.tryAgain')
            : t('proposeMinutes.send', { time })}
        </button>
      </div>
    </section>
  );
}
