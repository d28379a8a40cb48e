import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeApi } from '../api/me-client';
import type { HelpRequest, HelpRequestOutput } from '../api/me-types';
import { useAction } from '../api/use-action';
import { ActionProblem } from '../ui/status';
import { ClaimRow } from './claim-row';
import { RequestFacts } from './request-facts';

/** A request the resident (or the one they act for) made, with its helpers, and Cancel. */
export function MyRequestCard({
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
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const cancel = useAction<HelpRequestOutput>();
  const live = request.status === 'open' || request.status === 'claimed';
  // A confirmed exchange stays; the rest of the request may still be called off.
  const cancellable = live && !request.claims.some((claim) => claim.status === 'confirmed');

  return (
    <li className="card" data-testid="my-help-request" aria-labelledby={titleId}>
      <RequestFacts request={request} titleId={titleId} showStatus />
      {live && request.placesLeft > 0 && (
        <p className="muted">{t('timebank.placesLeft', { count: request.placesLeft })}</p>
      )}
      <h3>{t('timebank.helpers')}</h3>
      {request.claims.length === 0 && <p className="muted">{t('timebank.noHelperYet')}</p>}
      <ul className="plain-list">
        {request.claims.map((claim) => (
          <ClaimRow
            key={claim.helperId}
            api={api}
            request={request}
            claim={claim}
            onChanged={onChanged}
          />
        ))}
      </ul>
      {cancel.state.status === 'done' && (
        <p className="notice notice-success" role="status">
          {t('timebank.cancelledDone')}
        </p>
      )}
      {cancellable && !asking && (
        <button type="button" className="button button-danger" onClick={() => setAsking(true)}>
          {t('timebank.cancelRequest')}
        </button>
      )}
      {cancellable && asking && (
        <section className="stack" aria-label={t('timebank.cancelAsk')}>
          <h3>{t('timebank.cancelAsk')}</h3>
          <label className="field">
            <span className="field-label">{t('timebank.cancelReason')}</span>
            <input
              value={reason}
              maxLength={500}
              onChange={(event) => setReason(event.target.value)}
            />
          </label>
          <ActionProblem state={cancel.state} />
          <div className="actions">
            <button
              type="button"
              className="button button-danger"
              disabled={cancel.sending}
              onClick={async () => {
                const done = await cancel.run((idempotencyKey) =>
                  api.timebank.cancel.mutate({
                    idempotencyKey,
                    requestId: request.id,
                    reason: reason.trim(),
                  }),
                );
                if (!done) return;
                setAsking(false);
                onChanged();
              }}
            >
              {t('timebank.cancelYes')}
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                cancel.reset();
                setAsking(false);
              }}
            >
              {t('timebank.keep')}
            </button>
          </div>
        </section>
      )}
    </li>
  );
}
