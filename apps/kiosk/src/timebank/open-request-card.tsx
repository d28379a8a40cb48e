import { useTranslation } from 'react-i18next';
import type { HelpRequest } from '../api/kiosk-client';
import { RequestFacts } from './request-facts';
import { helpKindText } from './timebank-words';

/**
 * A neighbour's request as any resident reads it: what, roughly where, when, how long and how
 * many helpers are still wanted. Never who asked: that is for the neighbour who takes it.
 */
export function OpenRequestCard({
  request,
  onClaim,
}: {
  request: HelpRequest;
  onClaim: (request: HelpRequest) => void;
}) {
  const { t } = useTranslation();
  const titleId = `help-${request.id}`;
  return (
    <li className="help-card" aria-labelledby={titleId}>
      <h2 id={titleId}>{helpKindText(t, request.kind)}</h2>
      <RequestFacts request={request} />
      <div className="help-foot">
        <p className="help-places">{t('timebank.placesLeft', { count: request.placesLeft })}</p>
        <button
          type="button"
          className="button button-primary button-large"
          onClick={() => onClaim(request)}
        >
          {t('timebank.canHelp')}
        </button>
      </div>
    </li>
  );
}
