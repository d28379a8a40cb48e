import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClaimChanged, HelpRequest, KioskApi } from '../api/kiosk-client';
import { useConfirmedWrite } from '../api/use-confirmed-write';
import { useHoldIdle } from '../session/idle-hold';
import { AskTwice } from './ask-twice';
import { RequestFacts } from './request-facts';
import { RequesterContact } from './requester-contact';
import { claimStatusText, durationText, helpKindText, isOpenClaim } from './timebank-words';

/**
 * Help the resident said they would give: who asked and how to reach them (theirs to see now),
 * and their part. Until it is confirmed they can say how long it took, or give their place back.
 */
export function HelpingCard({
  api,
  request,
  onPropose,
  onChanged,
}: {
  api: KioskApi;
  request: HelpRequest;
  onPropose: (request: HelpRequest) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const send = useCallback(
    (input: { requestId: string; idempotencyKey: string }, signal: AbortSignal) =>
      api.timebank.withdraw.mutate(input, { signal }),
    [api],
  );
  const withdraw = useConfirmedWrite<{ requestId: string }, ClaimChanged>(send, {
    onDone: onChanged,
  });
  useHoldIdle(withdraw.state.status === 'sending');
  // A helper reads their own part alone.
  const mine = request.claims[0];
  const titleId = `help-${request.id}`;
  return (
    <li className="help-card" aria-labelledby={titleId}>
      <h2 id={titleId}>{helpKindText(t, request.kind)}</h2>
      <RequesterContact request={request} />
      <RequestFacts request={request} />
      {mine && <p className="help-status">{standing(t, mine)}</p>}
      {mine && isOpenClaim(mine) && request.status !== 'cancelled' && (
        <div className="help-claim-actions">
          <button
            type="button"
            className="button button-primary button-large"
            onClick={() => onPropose(request)}
          >
            {t('timebank.sayHowLong')}
          </button>
          <AskTwice
            open={t('timebank.giveBack')}
            question={t('timebank.giveBackAsk')}
            hint={t('timebank.giveBackHint')}
            yes={t('timebank.giveBackYes')}
            no={t('timebank.giveBackNo')}
            tryAgain={t('common.tryAgain')}
            state={withdraw.state}
            onYes={() => withdraw.confirm({ requestId: request.id })}
          />
        </div>
      )}
    </li>
  );
}

type TFunction = ReturnType<typeof useTranslation>['t'];

function standing(t: TFunction, claim: HelpRequest['claims'][number]): string {
  if (claim.status === 'proposed' && claim.proposedMinutes !== null)
    return t('timebank.youSaid', { time: durationText(t, claim.proposedMinutes) });
  if (claim.status === 'confirmed' && claim.minutes !== null)
    return t('timebank.cameToYou', { time: durationText(t, claim.minutes) });
  return claimStatusText(t, claim);
}
