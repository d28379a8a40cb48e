import { useTranslation } from 'react-i18next';
import { momentText } from '../activities/activity-words';
import type { HelpRequest } from '../api/kiosk-client';
import { CalendarIcon, ClockIcon, PlaceIcon } from '../ui/icons';
import { useLanguage } from '../ui/use-language';
import { durationText } from './timebank-words';

/**
 * Roughly where (the requester's building: never the exact place, which only a helper who took
 * the request sees), when, and about how long: the lines every request shows alike.
 */
export function RequestFacts({ request }: { request: HelpRequest }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <div className="help-facts">
        <p className="help-fact">
          <PlaceIcon />
          {request.building
            ? t('matters.building', { building: request.building })
            : t('timebank.inCommunity')}
        </p>
        <p className="help-fact">
          <CalendarIcon />
          {request.when ? momentText(t, request.when, language) : t('timebank.anyTime')}
        </p>
        <p className="help-fact">
          <ClockIcon />
          {t('timebank.about', { time: durationText(t, request.minutesEstimate) })}
        </p>
      </div>
      {request.description && (
        <p className="help-description" translate="no">
          {request.description}
        </p>
      )}
    </>
  );
}
