import { phoneActivityLink } from '@tally/client/phone-app-links';
import { QrCode } from '@tally/client/qr-code';
import { inLanguage } from '@tally/domain/localized-text';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActivityFacts } from '../activities/activity-facts';
import { placesText } from '../activities/activity-words';
import type { KioskActivity } from '../api/kiosk-client';
import { useLanguage } from '../ui/use-language';

/** What a poster shows: nothing about whoever looks at it, so anyone passing may read it. */
export type ActivityPoster = Pick<
  KioskActivity,
  | 'id'
  | 'title'
  | 'organizationName'
  | 'place'
  | 'startsAt'
  | 'endsAt'
  | 'slots'
  | 'slotsLeft'
  | 'waitingList'
  | 'invite'
>;

/** One poster every 8 s: time to read a title, a day and a place from across the room. */
export const POSTER_MS = 8_000;

/**
 * Upcoming activities for the idle screen, one at a time, turning by themselves. The change is
 * a gentle fade, and none at all for those who asked their device for less motion (see CSS).
 */
export function ActivityPosters({
  activities,
  origin = window.location.origin,
}: {
  activities: readonly ActivityPoster[];
  origin?: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [index, setIndex] = useState(0);

  useEffect(() => {
    if (activities.length < 2) return;
    const timer = setInterval(() => setIndex((i) => (i + 1) % activities.length), POSTER_MS);
    return () => clearInterval(timer);
  }, [activities.length]);

  const shown = activities[index % Math.max(1, activities.length)];
  if (!shown) return null;
  const title = inLanguage(shown.title, language);
  return (
    <section className="activity-posters" aria-labelledby="posters-title">
      <h2 id="posters-title">{t('posters.title')}</h2>
      <div key={shown.id} className="activity-poster">
        <div className="activity-poster-text">
          <p className="activity-poster-title">{title}</p>
          <ActivityFacts activity={shown} />
          <p className="activity-places">{placesText(t, shown)}</p>
          <p className="activity-poster-hint">{t('posters.signUpHere')}</p>
        </div>
        <figure className="activity-poster-qr">
          <QrCode text={phoneActivityLink(origin, shown.id)} label={t('posters.qr', { title })} />
          <figcaption>{t('posters.scan')}</figcaption>
        </figure>
      </div>
    </section>
  );
}
