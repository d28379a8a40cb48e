import { inLanguage } from '@tally/domain/localized-text';
import { useTranslation } from 'react-i18next';
import type { KioskActivity } from '../api/me-types';
import { Link } from '../router/location';
import { pathOf } from '../router/routes';
import { useLanguage } from '../ui/use-language';
import { forWhomText, mySignUpText, placesText, whenText, whyNotText } from './activity-words';

/** When, where, who runs it and for whom: the lines every activity shows alike. */
export function ActivityFacts({ activity }: { activity: KioskActivity }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const forWhom = forWhomText(t, activity.invite);
  return (
    <>
      <p>{whenText(t, activity, language)}</p>
      <p>
        <span translate="no">{activity.place}</span> ·{' '}
        {inLanguage(activity.organizationName, language)}
      </p>
      {forWhom && <p className="muted">{forWhom}</p>}
      {activity.campaign && (
        <p className="tag">{t('activities.bonus', { percent: activity.campaign.bonusPercent })}</p>
      )}
    </>
  );
}

/** Where the resident stands with it: signed up, waiting, why not, or the places left. */
export function activityStanding(
  t: ReturnType<typeof useTranslation>['t'],
  activity: KioskActivity,
  language: 'zh' | 'en',
) {
  if (activity.mySignUp || activity.status === 'cancelled')
    return mySignUpText(t, activity, language);
  return whyNotText(t, activity, language) ?? placesText(t, activity);
}

/** One activity in a list, opening its own page. */
export function ActivityCard({ activity }: { activity: KioskActivity }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const title = inLanguage(activity.title, language);
  return (
    <li className="card" data-testid="activity-card">
      <h2>
        <Link to={pathOf({ name: 'activity', id: activity.id })} className="card-link">
          {title}
        </Link>
      </h2>
      <ActivityFacts activity={activity} />
      <p className={activity.mySignUp ? 'tag' : 'muted'}>
        {activityStanding(t, activity, language)}
      </p>
    </li>
  );
}
