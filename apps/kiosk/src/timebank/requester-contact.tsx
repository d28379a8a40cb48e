import { useTranslation } from 'react-i18next';
import type { HelpRequest } from '../api/kiosk-client';

/**
 * Who asked, exactly where, and whom to call: the service gives these only to the requester's
 * side, the office and a neighbour who took the request, and shows them as they were written.
 */
export function RequesterContact({ request }: { request: HelpRequest }) {
  const { t } = useTranslation();
  return (
    <>
      {request.requesterName && (
        <p className="help-who">
          {t('timebank.askedBy')}
          <span translate="no">{request.requesterName}</span>
        </p>
      )}
      {request.place && (
        <p className="help-fact">
          {t('timebank.where')}
          <span translate="no">{request.place}</span>
        </p>
      )}
      {request.contactPhone && (
        <p className="help-fact">
          {t('timebank.phone')}
          <span translate="no">{request.contactPhone}</span>
        </p>
      )}
    </>
  );
}
