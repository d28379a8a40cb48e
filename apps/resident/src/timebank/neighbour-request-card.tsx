import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeApi } from '../api/me-client';
import type { ClaimHelpOutput, HelpRequest } from '../api/me-types';
import { useAction } from '../api/use-action';
import { Link } from '../router/location';
import { pathOf } from '../router/routes';
import { ActionProblem } from '../ui/status';
import { RequestFacts } from './request-facts';

/**
 * A neighbour's request as every resident sees it (no name, no exact place), with "I can help":
 * a question whether the board may thank the helper by name, then the claim.
 */
export function NeighbourRequestCard({ api, request }: { api: MeApi; request: HelpRequest }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [asking, setAsking] = useState(false);
  // Being named on the board is the helper's choice, never assumed.
  const [showOnBoard, setShowOnBoard] = useState(false);
  const claim = useAction<ClaimHelpOutput>();
  const claimed = claim.state.status === 'done';

  // The list is not read again: the card stays, saying where to find the place now.
  const send = () =>
    claim.run((idempotencyKey) =>
      api.timebank.claim.mutate({ idempotencyKey, requestId: request.id, showOnBoard }),
    );

  return (
    <li className="card" data-testid="help-request" aria-labelledby={titleId}>
      <RequestFacts request={request} titleId={titleId} />
      <p className="muted">{t('timebank.neighbour')}</p>
      <p className="tag">{t('timebank.placesLeft', { count: request.placesLeft })}</p>
      {request.poolEligible && <p className="muted">{t('timebank.poolHelps')}</p>}
      {claimed && (
        <>
          <p className="notice notice-success" role="status">
            {t('timebank.claimedDone')}
          </p>
          <Link to={pathOf({ name: 'helping' })} className="button button-primary">
            {t('timebank.seeHelping')}
          </Link>
        </>
      )}
      {!claimed && !asking && request.placesLeft > 0 && (
        <button
          type="button"
          className="button button-primary"
          aria-describedby={titleId}
          onClick={() => setAsking(true)}
        >
          {t('timebank.canHelp')}
        </button>
      )}
      {!claimed && asking && (
        <section className="stack" aria-label={t('timebank.claimTitle')}>
          <h3>{t('timebank.claimTitle')}</h3>
          <p>{t('timebank.claimText')}</p>
          <label className="check">
            <input
              type="checkbox"
              checked={showOnBoard}
              onChange={(event) => setShowOnBoard(event.target.checked)}
            />
            <span>{t('timebank.claimBoard')}</span>
          </label>
          <ActionProblem state={claim.state} />
          <div className="actions">
            <button
              type="button"
              className="button button-primary"
              disabled={claim.sending}
              onClick={send}
            >
              {claim.sending ? t('common.sending') : t('timebank.claimYes')}
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                claim.reset();
                setAsking(false);
              }}
            >
              {t('timebank.notNow')}
            </button>
          </div>
        </section>
      )}
    </li>
  );
}
