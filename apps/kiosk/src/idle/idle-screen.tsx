import './idle.css';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isDeviceRefused } from '../api/api-error';
import type { KioskApi } from '../api/kiosk-client';
import { useLoad } from '../api/use-load';
import { formatMonth, formatNumber } from '../i18n/format';
import { NoticeBoard } from '../notices/notice-board';
import { GoalProgress } from '../ui/goal-progress';
import { LanguageSwitch } from '../ui/language-switch';
import { Screen } from '../ui/screen';
import { useLanguage } from '../ui/use-language';
import { useScannedCard } from './use-scanned-card';

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
  const figures = useLoad('community', () => api.community());
  const { data, error, reload } = figures;

  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  useEffect(() => {
    if (data) onCommunityName(data.communityName);
  }, [data, onCommunityName]);
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
            <span className="brand-name">{data?.communityName ?? t('app.name')}</span>
          </p>
          <LanguageSwitch />
        </>
      }
    >
      <section className="idle-figures" aria-labelledby="idle-title">
        <h1 id="idle-title">
          {data
            ? t('idle.together', { month: formatMonth(data.month, language) })
            : t('idle.loading')}
        </h1>
        {data && (
          <>
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
            {data.goals.length > 0 && (
              <section className="idle-goals" aria-labelledby="idle-goals-title">
                <h2 id="idle-goals-title">{t('idle.goalsTitle')}</h2>
                {data.goals.slice(0, 3).map((goal) => (
                  <GoalProgress key={goal.id} goal={goal} />
                ))}
              </section>
            )}
            {data.thanks.length > 0 && (
              <section className="idle-thanks" aria-labelledby="idle-thanks-title">
                <h2 id="idle-thanks-title">{t('idle.thanksTitle')}</h2>
                <ul className="thanks-list">
                  {[...new Set(data.thanks)].map((name) => (
                    <li key={name}>{name}</li>
                  ))}
                </ul>
              </section>
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
