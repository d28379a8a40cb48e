import { useTranslation } from 'react-i18next';
import { useLoad } from '../api/use-load';
import type { ScreenProps } from '../routed-screen';
import { Link } from '../router/location';
import { pathOf } from '../router/routes';
import { ScreenTitle } from '../ui/screen-title';
import { Failure, Loading } from '../ui/status';
import { ActivityCard } from './activity-card';

/** What's on (or, `mine`, what the resident signed up for), each opening its own page. */
export function ActivitiesScreen({ api, mine }: ScreenProps & { mine: boolean }) {
  const { t } = useTranslation();
  const list = useLoad(mine ? 'mySignUps' : 'activities', () =>
    mine ? api.mySignUps.query() : api.activities.query(),
  );
  return (
    <section className="stack">
      <ScreenTitle title={mine ? t('activities.mine') : t('activities.title')} />
      <div className="tabs">
        <Link
          to={pathOf({ name: 'activities' })}
          className="button button-secondary"
          aria-current={mine ? undefined : 'page'}
        >
          {t('activities.all')}
        </Link>
        <Link
          to={pathOf({ name: 'mySignUps' })}
          className="button button-secondary"
          aria-current={mine ? 'page' : undefined}
        >
          {t('activities.mine')}
        </Link>
      </div>
      {!list.data && list.loading && <Loading />}
      {list.error != null && !list.data && <Failure error={list.error} onRetry={list.reload} />}
      {list.data?.length === 0 && (
        <p className="muted">{mine ? t('activities.mineEmpty') : t('activities.empty')}</p>
      )}
      <ul className="list">
        {list.data?.map((activity) => (
          <ActivityCard key={activity.id} activity={activity} />
        ))}
      </ul>
      <p className="muted">{t('matters.fromActivities')}</p>
      <Link to={pathOf({ name: 'matters' })} className="feature-link">
        <strong>{t('links.matters')}</strong>
        <span>{t('matters.homeText')}</span>
      </Link>
    </section>
  );
}
