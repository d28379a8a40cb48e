import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ClaimChanged,
  HelpAsked,
  HelpClaim,
  HelpRequest,
  KioskApi,
} from '../api/kiosk-client';
import { useConfirmedWrite } from '../api/use-confirmed-write';
import { useHoldIdle } from '../session/idle-hold';
import { AskTwice } from './ask-twice';
import { RequestFacts } from './request-facts';
import { claimStatusText, helpKindText, isOpenClaim } from './timebank-words';

/**
 * One of the resident's own requests: how far it has got and each helper's part. A helper who
 * has said they will help (or how long it took) can be confirmed, which moves the credit, or
 * marked as not come; a request still waiting can be cancelled.
 */
export function MyRequestCard({
  api,
  request,
  onConfirm,
  onChanged,
}: {
  api: KioskApi;
  request: HelpRequest;
  onConfirm: (request: HelpRequest, claim: HelpClaim) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const titleId = `help-${request.id}`;
  const cancellable = request.status === 'open' || request.status === 'claimed';
  return (
    <li className="help-card" aria-labelledby={titleId}>
      <h2 id={titleId}>{helpKindText(t, request.kind)}</h2>
      <p className={`help-status help-status-${request.status}`}>
        {t(`timebank.status.${request.status}`)}
      </p>
      <RequestFacts request={request} />
      {request.claims.length === 0 && request.status === 'open' && (
        <p className="help-fact">{t('timebank.noHelperYet')}</p>
      )}
      {request.claims.length > 0 && (
        <ul className="help-claims">
          {request.claims.map((claim) => (
            <ClaimLine
              key={claim.helperId}
              api={api}
              request={request}
              claim={claim}
              onConfirm={onConfirm}
              onChanged={onChanged}
            />
          ))}
        </ul>
      )}
      {cancellable && <CancelRequest api={api} request={request} onChanged={onChanged} />}
    </li>
  );
}

function ClaimLine({
  api,
  request,
  claim,
  onConfirm,
  onChanged,
}: {
  api: KioskApi;
  request: HelpRequest;
  claim: HelpClaim;
  onConfirm: (request: HelpRequest, claim: HelpClaim) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const send = useCallback(
    (input: { requestId: string; helperId: string; idempotencyKey: string }, signal: AbortSignal) =>
      api.timebank.noShow.mutate(input, { signal }),
    [api],
  );
  const noShow = useConfirmedWrite<{ requestId: string; helperId: string }, ClaimChanged>(send, {
    onDone: onChanged,
  });
  useHoldIdle(noShow.state.status === 'sending');
  const name = claim.helperName ?? '';
  return (
    <li className="help-claim">
      <p className="help-claim-who">
        <span translate="no">{name}</span>
        {' · '}
        {claimStatusText(t, claim)}
      </p>
      {isOpenClaim(claim) && (
        <div className="help-claim-actions">
          <button
            type="button"
            className="button button-primary button-large"
            onClick={() => onConfirm(request, claim)}
          >
            {t('timebank.confirm')}
          </button>
          <AskTwice
            open={t('timebank.noShow')}
            question={t('timebank.noShowAsk', { name })}
            hint={t('timebank.noShowHint')}
            yes={t('timebank.noShowYes')}
            no={t('timebank.noShowNo')}
            tryAgain={t('common.tryAgain')}
            state={noShow.state}
            onYes={() => noShow.confirm({ requestId: request.id, helperId: claim.helperId })}
          />
        </div>
      )}
    </li>
  );
}

function CancelRequest({
  api,
  request,
  onChanged,
}: {
  api: KioskApi;
  request: HelpRequest;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const send = useCallback(
    (input: { requestId: string; idempotencyKey: string }, signal: AbortSignal) =>
      api.timebank.cancel.mutate(input, { signal }),
    [api],
  );
  const cancel = useConfirmedWrite<{ requestId: string }, HelpAsked>(send, { onDone: onChanged });
  useHoldIdle(cancel.state.status === 'sending');
  return (
    <div className="help-foot">
      <AskTwice
        open={t('timebank.cancel')}
        question={t('timebank.cancelAsk')}
        hint=""
        yes={t('timebank.cancelYes')}
        no={t('timebank.cancelNo')}
        tryAgain={t('common.tryAgain')}
        state={cancel.state}
        onYes={() => cancel.confirm({ requestId: request.id })}
      />
    </div>
  );
}
