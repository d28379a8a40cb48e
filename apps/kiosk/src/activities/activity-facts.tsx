import { inLanguage } from '@tally/domain/localized-text';
import { useTranslation } from 'react-i18next';
import type { KioskActivity } from '../api/kiosk-client';
import { CalendarIcon, PlaceIcon } from '../ui/icons';
import { useLanguage } from '../ui/use-language';
import { forWhomText, whenText } from './activity-words';

type Facts = Pick<KioskActivity, 'organizationName' | 'place' | 'startsAt' | 'endsAt'> &
  Partial<Pick<KioskActivity, 'invite'>>;

/**
 * When and where an activity is, and who runs it: two lines every activity shows alike. The
 * place is as the organizers wrote it, in one language.
 */
export function ActivityFacts({ activity }: { activity: Facts }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const forWhom = forWhomText(t, activity.invite ?? null);
  return (
    <>
      <p className="activity-fact activity-when">
        <CalendarIcon />
        {whenText(t, activity, language)}
      </p>
      <p className="activity-fact">
        <PlaceIcon />
        <span>
          <span translate="no">{activity.place}</span> ·{' '}
          {inLanguage(activity.organizationName, language)}
        </span>
      </p>
      {forWhom && <p className="activity-fact activity-for-whom">{forWhom}</p>}
    </>
  );
}
