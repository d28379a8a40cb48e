import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeApi } from '../api/me-client';
import type { ClaimChangeOutput, HelpRequest } from '../api/me-types';
import { useAction } from '../api/use-action';
import { NamedText } from '../ui/named-text';
import { ActionProblem } from '../ui/status';
import { ClaimOutcome } from './claim-outcome';
import { DisputePanel } from './dispute-panel';
import { MinutesStepper } from './minutes-stepper';
import { RequestFacts } from './request-facts';
import { claimStatusText, durationText, isOpenClaim, minutesToConfirm } from './timebank-words';

type Panel = 'none' | 'propose' | 'withdraw' | 'dispute';

/**
 * A request the resident took: now with who asked, exactly where and whom to call; "Say how
 * long it took", give up the place, or tell the office something is wrong.
 */
export function HelpingCard({
  api,
  request,
  onChanged,
}: {
  api: MeApi;
  request: HelpRequest;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  // A helper sees only their own claim.
  const claim = request.claims[0];
  const [panel, setPanel] = useState<Panel>('none');
  const [minutes, setMinutes] = useState(() =>
    claim ? minutesToConfirm(claim, request) : request.minutesEstimate,
  );
  const [said, setSaid] = useState<string | null>(null);
  const change = useAction<ClaimChangeOutput>();
  const name = request.requesterName ?? t('timebank.neighbour');
  const target = { requestId: request.id };

  const close = () => {
    change.reset();
    setPanel('none');
  };
  const changed = (text: string) => {
    setSaid(text);
    setPanel('none');
    change.reset();
    onChanged();
  };

  return (
    <li className="card" data-testid="helping-request" aria-labelledby={titleId}>
      <RequestFactsWithName request={request} titleId={titleId} name={name} />
      {claim && (
        <>
          <p className="tag" data-testid="claim-status">
            {claimStatusText(t, claim.status)}
          </p>
          {claim.status === 'proposed' && claim.proposedMinutes !== null && (
            <p>{t('timebank.proposed', { time: durationText(t, claim.proposedMinutes) })}</p>
          )}
          {claim.status === 'confirmed' && claim.minutes !== null && (
            <p data-testid="earned">
              {t('timebank.earned', { time: durationText(t, claim.minutes) })}
            </p>
          )}
          <ClaimOutcome claim={{ ...claim, minutes: null }} />
        </>
      )}
      {said && (
        <p className="notice notice-success" role="status">
          {said}
        </p>
      )}
      {claim && isOpenClaim(claim.status) && panel === 'none' && (
        <div className="actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => setPanel('propose')}
          >
            {t('timebank.propose')}
          </button>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => setPanel('withdraw')}
          >
            {t('timebank.withdraw')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setPanel('dispute')}>
            {t('timebank.dispute')}
          </button>
        </div>
      )}
      {panel === 'propose' && (
        <section className="stack" aria-label={t('timebank.propose')}>
          <h3>{t('timebank.proposeTitle')}</h3>
          <MinutesStepper minutes={minutes} onChange={setMinutes} />
          <p className="muted">
            <NamedText text={t('timebank.proposeHint', { name })} names={[name]} />
          </p>
          <ActionProblem state={change.state} />
          <div className="actions">
            <button
              type="button"
              className="button button-primary"
              disabled={change.sending}
              onClick={async () => {
                const done = await change.run((idempotencyKey) =>
                  api.timebank.propose.mutate({ ...target, idempotencyKey, minutes }),
                );
                if (done) changed(t('timebank.proposedDone', { name }));
              }}
            >
              {change.sending
                ? t('common.sending')
                : t('timebank.proposeSend', { time: durationText(t, minutes) })}
            </button>
            <button type="button" className="button button-quiet" onClick={close}>
              {t('common.cancel')}
            </button>
          </div>
        </section>
      )}
      {panel === 'withdraw' && (
        <section className="stack" aria-label={t('timebank.withdraw')}>
          <h3>{t('timebank.withdrawAsk')}</h3>
          <p className="muted">{t('timebank.withdrawHint')}</p>
          <ActionProblem state={change.state} />
          <div className="actions">
            <button
              type="button"
              className="button button-danger"
              disabled={change.sending}
              onClick={async () => {
                const done = await change.run((idempotencyKey) =>
                  api.timebank.withdraw.mutate({ ...target, idempotencyKey }),
                );
                if (done) changed(t('timebank.withdrawnDone'));
              }}
            >
              {t('timebank.withdrawYes')}
            </button>
            <button type="button" className="button button-quiet" onClick={close}>
              {t('common.cancel')}
            </button>
          </div>
        </section>
      )}
      {panel === 'dispute' && (
        <DisputePanel
          action={change}
          onClose={close}
          onSend={async (reason) => {
            const done = await change.run((idempotencyKey) =>
              api.timebank.dispute.mutate({ ...target, idempotencyKey, reason }),
            );
            if (done) changed(t('timebank.disputeDone'));
          }}
        />
      )}
    </li>
  );
}

function RequestFactsWithName({
  request,
  titleId,
  name,
}: {
  request: HelpRequest;
  titleId: string;
  name: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {/* The helper follows their own part; the request's state matters only once it is off. */}
      <RequestFacts
        request={request}
        titleId={titleId}
        showStatus={request.status === 'cancelled'}
      />
      <p data-testid="requester">
        <NamedText text={t('timebank.helpingFor', { name })} names={[name]} />
      </p>
      {request.contactPhone && (
        <a className="button button-secondary" href={`tel:${request.contactPhone}`}>
          {t('timebank.call', { phone: request.contactPhone })}
        </a>
      )}
    </>
  );
}
