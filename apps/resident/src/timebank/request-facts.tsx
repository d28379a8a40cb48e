import { useTranslation } from 'react-i18next';
import type { HelpRequest } from '../api/me-types';
import { formatDateTime } from '../i18n/format';
import { NamedText } from '../ui/named-text';
import { useLanguage } from '../ui/use-language';
import { durationText, helpKindLabel, nearText, requestStatusText } from './timebank-words';

/**
 * What a request is, as the reader may see it: the kind, a few words, when, roughly or exactly
 * where, how long and how many helpers. The exact place and the requester's name come from the
 * service only for the requester's side and a helper who took it; nothing here hides them.
 */
export function RequestFacts({
  request,
  titleId,
  showStatus = false,
}: {
  request: HelpRequest;
  titleId?: string;
  showStatus?: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <h2 id={titleId}>{helpKindLabel(t, request.kind)}</h2>
      {showStatus && (
        <p className={request.status === 'cancelled' ? 'tag tag-refused' : 'tag'}>
          {requestStatusText(t, request)}
        </p>
      )}
      {request.description && <p translate="no">{request.description}</p>}
      <p>
        {request.when
          ? t('timebank.when', { when: formatDateTime(request.when, language) })
          : t('timebank.anyTime')}
      </p>
      {request.place ? (
        <p data-testid="exact-place">
          <NamedText text={t('timebank.place', { place: request.place })} names={[request.place]} />
        </p>
      ) : (
        request.building && <p>{nearText(t, request.building)}</p>
      )}
      <p>{t('timebank.estimate', { time: durationText(t, request.minutesEstimate) })}</p>
      {request.reason && (
        <p>
          <NamedText
            text={t('timebank.viaOffice', { reason: request.reason })}
            names={[request.reason]}
          />
        </p>
      )}
      {request.status === 'cancelled' && request.cancelReason && (
        <p>
          <NamedText
            text={t('timebank.cancelledWhy', { reason: request.cancelReason })}
            names={[request.cancelReason]}
          />
        </p>
      )}
    </>
  );
}
