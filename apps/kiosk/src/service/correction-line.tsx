import { formatShortDate } from '@tally/client/format';
import { useTranslation } from 'react-i18next';
import type { MyCorrection } from '../api/kiosk-client';
import { hoursText } from '../i18n/hours';
import { useLanguage } from '../ui/use-language';

/** One correction request: what it was about, where it stands, and the office's answer. */
export function CorrectionLine({ request }: { request: MyCorrection }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const about = request.record
    ? t('service.aboutRecord', {
        activity: request.record.activity.title,
        date: formatShortDate(request.record.startedAt, language),
      })
    : t('service.kind.missing_record');
  return (
    <li className={`request-line request-${request.status}`}>
      <span className="request-about">{about}</span>
      <span className={`request-status status-${request.status}`}>
        {t(`service.requestStatus.${request.status}`)}
      </span>
      <span className="request-detail">
        {request.kind === 'wrong_hours' && request.proposedMinutes != null
          ? `${t('service.askedFor', { hours: hoursText(t, request.proposedMinutes, language) })} · `
          : ''}
        {t('service.sentOn', { date: formatShortDate(request.requestedAt, language) })}
      </span>
      {request.officeReason && (
        <span className="request-answer">
          {t('service.officeSaid', { reason: request.officeReason })}
        </span>
      )}
    </li>
  );
}
