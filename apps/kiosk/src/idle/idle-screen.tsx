import { inLanguage } from '@tally/domain/localized-text';
import './idle.css';
import { formatMonth, formatNumber, formatShortDate } from '@tally/client/format';
import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isDeviceRefused } from '../api/api-error';
import type { CommunityFigures, KioskApi } from '../api/kiosk-client';
import { useLoad } from '../api/use-load';
import type { Language } from '../device/device-settings';
import { NoticeBoard } from '../notices/notice-board';
import { GoalProgress } from '../ui/goal-progress';
import { LanguageSwitch } from '../ui/language-switch';
import { Screen } from '../ui/screen';
import { useLanguage } from '../ui/use-language';
import { ActivityPosters } from './activity-posters';
import { PhoneAppQr } from './phone-app-qr';
import { useScannedCard } from './use-scanned-card';

/**
 * Which days the figures cover: the month, or (early in a month, or before the month has any
 * service) the last 30 days, named with their dates so nobody reads them as this month's.
 */
function periodTitle(t: TFunction, figures: CommunityFigures, language: Language): string {
  const { period } = figures;
  if (period.kind === 'month') {
    return t('idle.together', { month: formatMonth(figures.month, language) });
  }
  return t('idle.togetherRecent', {
    days: period.days,
    from: formatShortDate(`${period.from}T12:00:00Z`, language),
    to: formatShortDate(`${period.to}T12:00:00Z`, language),
  });
}

/** The figures change slowly; once a minute keeps the shop window fresh without load. */
const REFRESH_MS = 60_000;

/**
 * The shop window while nobody is using the kiosk: what the community did
 * together this month, its goals, a thank-you to recent volunteers (display
 * names of those who agreed), and a large Start. Nothing personal beyond that.
 */
export function IdleScreen({
  api,
  onStart,
  onCommunityName,
  onDeviceRefused,
}: {
  api: KioskApi;
  onStart: (cardNumber: string) => void;
  onCommunityName: (name: string) => void;
  onDeviceRefused: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const figures = useLoad('community', () => api.community.query());
  const { data, error, reload } = figures;
  // What is on soon, for anyone passing; a kiosk that cannot load them just shows none.
  const upcoming = useLoad('upcomingActivities', () => api.upcomingActivities.query());
  const reloadUpcoming = upcoming.reload;
  const posters = upcoming.data ?? [];

  useEffect(() => {
    const timer = setInterval(() => {
      reload();
      reloadUpcoming();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload, reloadUpcoming]);
  useEffect(() => {
    if (data) onCommunityName(inLanguage(data.communityName, language));
  }, [data, language, onCommunityName]);
  useEffect(() => {
    if (isDeviceRefused(error)) onDeviceRefused();
  }, [error, onDeviceRefused]);
  useScannedCard(onStart);

  return (
    <Screen
      className="idle-screen"
      top={
        <>
          <p className="brand">
            <span className="brand-mark" aria-hidden="true">
              T
            </span>
            <span className="brand-name">
              {data ? inLanguage(data.communityName, language) : t('app.name')}
            </span>
          </p>
          <PhoneAppQr />
          <LanguageSwitch />
        </>
      }
    >
      <section className="idle-figures" aria-labelledby="idle-title">
        <h1 id="idle-title">{data ? periodTitle(t, data, language) : t('idle.loading')}</h1>
        {data && (
          <>
            {data.approvedMinutes === 0 ? (
              <p className="lead figure-none">{t('idle.nothingYet')}</p>
            ) : (
              <div className="figure-row">
                <p className="figure">
                  <span className="figure-value">
                    {formatNumber(Math.round(data.approvedHours), language)}
                  </span>
                  <span className="figure-label">{t('idle.hours')}</span>
                </p>
                <p className="figure">
                  <span className="figure-value">{formatNumber(data.participants, language)}</span>
                  <span className="figure-label">{t('idle.participants')}</span>
                </p>
              </div>
            )}
            {/* With an activity poster below, the goal closest to the front alone. */}
            {data.goals.length > 0 && (
              <section className="idle-goals" aria-labelledby="idle-goals-title">
                <h2 id="idle-goals-title">{t('idle.goalsTitle')}</h2>
                {data.goals.slice(0, posters.length > 0 ? 1 : 3).map((goal) => (
                  <GoalProgress key={goal.id} goal={goal} />
                ))}
              </section>
            )}
            {/* What is on soon takes the thank-you's place while there is something ahead. */}
            {posters.length > 0 ? (
              <ActivityPosters activities={posters} />
            ) : (
              data.thanks.length > 0 && (
                <section className="idle-thanks" aria-labelledby="idle-thanks-title">
                  <h2 id="idle-thanks-title">{t('idle.thanksTitle')}</h2>
                  <ul className="thanks-list">
                    {[...new Set(data.thanks)].map((name) => (
                      <li key={name}>{name}</li>
                    ))}
                  </ul>
                </section>
              )
            )}
          </>
        )}
        {error != null && !isDeviceRefused(error) && (
          <p className="notice notice-warning">{t('idle.stale')}</p>
        )}
      </section>
      <div className="idle-side">
        <NoticeBoard api={api} />
        <section className="idle-start" aria-label={t('idle.start')}>
          <button type="button" className="start-button" onClick={() => onStart('')}>
            <span className="start-label">{t('idle.start')}</span>
            <span className="start-hint">{t('idle.startHint')}</span>
          </button>
          <p className="scan-hint">{t('idle.scanHint')}</p>
        </section>
      </div>
    </Screen>
  );
}
