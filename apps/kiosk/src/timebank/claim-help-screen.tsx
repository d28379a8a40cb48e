import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClaimHelpRequest, HelpClaimed, HelpRequest, KioskApi } from '../api/kiosk-client';
import { useConfirmedWrite } from '../api/use-confirmed-write';
import { useLoad } from '../api/use-load';
import { useHoldIdle } from '../session/idle-hold';
import { BackIcon, CheckIcon } from '../ui/icons';
import { WriteStatus } from '../ui/write-status';
import { RequestFacts } from './request-facts';
import { RequesterContact } from './requester-contact';
import { helpKindText } from './timebank-words';

/** Refusals after which trying again cannot help: the resident goes back to the list. */
const settled = new Set(['ALREADY_CLAIMED', 'OWN_REQUEST', 'REQUEST_CLOSED', 'NOT_FOUND']);

/**
 * "I can help": whether the notice board may thank the helper by name (no by default), then one
 * "I will help" that takes a place once. Only then does the service show who asked, where, and
 * whom to call, and the screen reads them afresh to show them.
 */
export function ClaimHelpScreen({
  api,
  request,
  onBack,
  onHelping,
  onDone,
}: {
  api: KioskApi;
  request: HelpRequest;
  onBack: () => void;
  onHelping: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [showOnBoard, setShowOnBoard] = useState<boolean | null>(null);
  const send = useCallback(
    (input: ClaimHelpRequest, signal: AbortSignal) => api.timebank.claim.mutate(input, { signal }),
    [api],
  );
  const { state, confirm, locked } = useConfirmedWrite<
    Omit<ClaimHelpRequest, 'idempotencyKey'>,
    HelpClaimed
  >(send);
  useHoldIdle(state.status === 'sending');
  if (state.status === 'done')
    return <Claimed api={api} requestId={request.id} onHelping={onHelping} onDone={onDone} />;
  const refusedForGood = state.status === 'refused' && settled.has(state.failure.code ?? '');

  return (
    <section className="help-step" aria-labelledby="claim-title">
      <h1 id="claim-title">
        {t('claimHelp.title')}: {helpKindText(t, request.kind)}
      </h1>
      <div className="summary help-summary">
        <RequestFacts request={request} />
      </div>
      <fieldset className="help-board-choice" disabled={locked}>
        <legend className="help-step-question">
          {t('claimHelp.boardTitle')} {t('claimHelp.boardHint')}
        </legend>
        <div className="actions">
          {[true, false].map((answer) => (
            <button
              key={String(answer)}
              type="button"
              className="button button-secondary button-large"
              aria-pressed={showOnBoard === answer}
              onClick={() => setShowOnBoard(answer)}
            >
              {answer ? t('claimHelp.boardYes') : t('claimHelp.boardNo')}
            </button>
          ))}
        </div>
      </fieldset>
      <p className="lead">{t('claimHelp.next')}</p>
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
            disabled={state.status === 'sending' || showOnBoard === null}
            onClick={() => confirm({ requestId: request.id, showOnBoard: showOnBoard === true })}
          >
            {state.status === 'unreachable' ? t('common.tryAgain') : t('claimHelp.confirm')}
          </button>
        )}
      </div>
    </section>
  );
}

/** What the helper may see now that they took the request: who, where, and whom to call. */
function Claimed({
  api,
  requestId,
  onHelping,
  onDone,
}: {
  api: KioskApi;
  requestId: string;
  onHelping: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const taken = useLoad(`help-${requestId}`, () => api.timebank.get.query({ id: requestId }));
  const request = taken.data;
  return (
    <section className="help-step" aria-labelledby="claimed-title">
      <h1 id="claimed-title">
        <CheckIcon className="icon icon-success" />
        {t('claimHelp.doneTitle')}
      </h1>
      <p className="help-done-text">{t('claimHelp.doneText')}</p>
      {request ? (
        <div className="summary help-summary" data-testid="requester-contact">
          <p className="summary-take">{helpKindText(t, request.kind)}</p>
          <RequesterContact request={request} />
          {!request.contactPhone && <p className="help-fact">{t('claimHelp.noPhone')}</p>}
          <RequestFacts request={request} />
        </div>
      ) : (
        <p className="lead">{taken.loading ? t('common.loading') : t('claimHelp.contactFailed')}</p>
      )}
      <div className="actions">
        <button type="button" className="button button-secondary button-huge" onClick={onHelping}>
          {t('claimHelp.seeHelping')}
        </button>
        <button type="button" className="button button-primary button-huge" onClick={onDone}>
          {t('timebank.done')}
        </button>
      </div>
    </section>
  );
}
