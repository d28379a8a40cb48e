import './activities.css';
import { inLanguage } from '@tally/domain/localized-text';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskActivity, KioskApi, SignedUp } from '../api/kiosk-client';
import { useLoad } from '../api/use-load';
import { CheckIcon } from '../ui/icons';
import { useLanguage } from '../ui/use-language';
import { ActivityCard } from './activity-card';
import { ActivityList } from './activity-list';
import { MyActivityCard } from './my-activity-card';

export type ActivitiesShown = 'upcoming' | 'mine';

/**
 * What is on, to sign up for, and the resident's own sign-ups, one tap apart. Each list is
 * read fresh when it is opened, so places left and waiting positions are the service's own.
 */
export function ActivitiesScreen({
  api,
  shown,
  onShow,
  onSignedUp,
}: {
  api: KioskApi;
  shown: ActivitiesShown;
  onShow: (shown: ActivitiesShown) => void;
  onSignedUp: (activity: KioskActivity, result: SignedUp) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="activities" aria-labelledby="activities-title">
      <div className="section-head">
        <h1 id="activities-title">
          {shown === 'upcoming' ? t('activities.title') : t('activities.mine')}
        </h1>
        <div className="activities-switch">
          {(['upcoming', 'mine'] as const).map((which) => (
            <button
              key={which}
              type="button"
              className="button button-secondary button-large"
              aria-pressed={shown === which}
              onClick={() => onShow(which)}
            >
              {t(`activities.${which}`)}
            </button>
          ))}
        </div>
      </div>
      {shown === 'upcoming' ? (
        <UpcomingActivities api={api} onSignedUp={onSignedUp} />
      ) : (
        <MyActivities api={api} />
      )}
    </section>
  );
}

function UpcomingActivities({
  api,
  onSignedUp,
}: {
  api: KioskApi;
  onSignedUp: (activity: KioskActivity, result: SignedUp) => void;
}) {
  const { t } = useTranslation();
  const upcoming = useLoad('activities', () => api.activities.query());
  return (
    <ActivityList loaded={upcoming} empty={t('activities.empty')}>
      {(activity) => (
        <ActivityCard key={activity.id} api={api} activity={activity} onSignedUp={onSignedUp} />
      )}
    </ActivityList>
  );
}

function MyActivities({ api }: { api: KioskApi }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const mine = useLoad('mySignUps', () => api.mySignUps.query());
  const [cancelled, setCancelled] = useState<KioskActivity | null>(null);
  return (
    <>
      <div className="activities-notice" role="status">
        {cancelled && (
          <p className="notice notice-info">
            <CheckIcon />
            {t('myActivities.cancelled', { title: inLanguage(cancelled.title, language) })}
          </p>
        )}
      </div>
      <ActivityList loaded={mine} empty={t('myActivities.empty')}>
        {(activity) => (
          <MyActivityCard
            key={activity.id}
            api={api}
            activity={activity}
            onCancelled={(gone) => {
              setCancelled(gone);
              mine.reload();
            }}
          />
        )}
      </ActivityList>
    </>
  );
}
