import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeApi } from '../api/me-client';
import type { ClaimChangeOutput, ConfirmHelpOutput, HelpClaim, HelpRequest } from '../api/me-types';
import { useAction } from '../api/use-action';
import { NamedText } from '../ui/named-text';
import { ActionProblem } from '../ui/status';
import { ClaimOutcome } from './claim-outcome';
import { DisputePanel } from './dispute-panel';
import { MinutesStepper } from './minutes-stepper';
import { claimStatusText, durationText, isOpenClaim, minutesToConfirm } from './timebank-words';

type Panel = 'none' | 'confirm' | 'noShow' | 'dispute';

/**
 * One helper on the requester's own request: who, how far it got, and (while it is open)
 * Confirm with the minutes, "Did not come", or "Something is wrong".
 */
export function ClaimRow({
  api,
  request,
  claim,
  onChanged,
}: {
  api: MeApi;
  request: HelpRequest;
  claim: HelpClaim;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [panel, setPanel] = useState<Panel>('none');
  const [minutes, setMinutes] = useState(() => minutesToConfirm(claim, request));
  const confirm = useAction<ConfirmHelpOutput>();
  const change = useAction<ClaimChangeOutput>();
  const [said, setSaid] = useState<string | null>(null);
  const name = claim.helperName ?? t('timebank.neighbour');
  const target = { requestId: request.id, helperId: claim.helperId };

  const close = () => {
    confirm.reset();
    change.reset();
    setPanel('none');
  };

  const changed = (text: string) => {
    setSaid(text);
    setPanel('none');
    onChanged();
  };

  if (confirm.state.status === 'done') {
    const done = confirm.state.result;
    return (
      <li className="stack" data-testid="help-claim">
        <section className="notice notice-success stack" role="status" data-testid="confirmed">
          <h3>{t('timebank.confirmedTitle')}</h3>
          <NamedText
            text={t('timebank.confirmedText', { time: durationText(t, done.minutes), name })}
            names={[name]}
          />
          {done.poolMinutes > 0 && (
            <span>{t('timebank.confirmedPool', { time: durationText(t, done.poolMinutes) })}</span>
          )}
          {done.pointsEarned > 0 && (
            <NamedText
              text={t('timebank.pointsEarned', { name, count: done.pointsEarned })}
              names={[name]}
            />
          )}
        </section>
      </li>
    );
  }

  return (
    <li className="stack" data-testid="help-claim">
      <p className="field-label">
        <NamedText text={name} names={[name]} />
      </p>
      <p className="tag" data-testid="claim-status">
        {claimStatusText(t, claim.status)}
      </p>
      {claim.proposedMinutes !== null && claim.status === 'proposed' && (
        <p data-testid="proposed">
          {t('timebank.proposed', { time: durationText(t, claim.proposedMinutes) })}
        </p>
      )}
      <ClaimOutcome claim={claim} />
      {said && (
        <p className="notice notice-success" role="status">
          {said}
        </p>
      )}
      {isOpenClaim(claim.status) && panel === 'none' && (
        <div className="actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => setPanel('confirm')}
          >
            {t('timebank.confirm')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setPanel('noShow')}>
            {t('timebank.noShow')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setPanel('dispute')}>
            {t('timebank.dispute')}
          </button>
        </div>
      )}
      {panel === 'confirm' && (
        <section className="stack" aria-label={t('timebank.confirm')}>
          <h3>
            <NamedText text={t('timebank.confirmTitle', { name })} names={[name]} />
          </h3>
          <MinutesStepper minutes={minutes} onChange={setMinutes} />
          <p>
            <NamedText text={t('timebank.confirmHint', { name })} names={[name]} />
          </p>
          {request.poolEligible && <p className="muted">{t('timebank.confirmPoolHint')}</p>}
          <ActionProblem state={confirm.state} />
          <div className="actions">
            <button
              type="button"
              className="button button-primary"
              disabled={confirm.sending}
              onClick={async () => {
                const done = await confirm.run((idempotencyKey) =>
                  api.timebank.confirm.mutate({ ...target, idempotencyKey, minutes }),
                );
                if (done) onChanged();
              }}
            >
              {confirm.sending
                ? t('common.sending')
                : t('timebank.confirmYes', { time: durationText(t, minutes) })}
            </button>
            <button type="button" className="button button-quiet" onClick={close}>
              {t('common.cancel')}
            </button>
          </div>
        </section>
      )}
      {panel === 'noShow' && (
        <section className="stack" aria-label={t('timebank.noShow')}>
          <h3>
            <NamedText text={t('timebank.noShowAsk', { name })} names={[name]} />
          </h3>
          <p className="muted">{t('timebank.noShowHint')}</p>
          <ActionProblem state={change.state} />
          <div className="actions">
            <button
              type="button"
              className="button button-danger"
              disabled={change.sending}
              onClick={async () => {
                const done = await change.run((idempotencyKey) =>
                  api.timebank.noShow.mutate({ ...target, idempotencyKey }),
                );
                if (done) changed(t('timebank.noShowDone', { name }));
              }}
            >
              {t('timebank.noShowYes')}
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
