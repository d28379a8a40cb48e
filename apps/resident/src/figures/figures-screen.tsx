import { formatHours, formatMonth, formatNumber } from '@tally/client/format';
import { inLanguage } from '@tally/domain/localized-text';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CommunityFigures } from '../api/me-types';
import { useLoad } from '../api/use-load';
import { formatDay } from '../i18n/format';
import type { ScreenProps } from '../routed-screen';
import { pathOf } from '../router/routes';
import type { Language } from '../session/device-storage';
import { GoalProgressView } from '../ui/goal-progress';
import { ScreenTitle } from '../ui/screen-title';
import { Failure, Loading } from '../ui/status';
import { useLanguage } from '../ui/use-language';

/** "What we did together in December 2026", or the last 30 days early in a month (as the kiosk). */
function periodText(t: TFunction, figures: CommunityFigures, language: Language): string {
  if (figures.period.kind === 'month')
    return t('figures.month', { month: formatMonth(figures.month, language) });
  return t('figures.recent', {
    days: figures.period.days,
    from: formatDay(figures.period.from, language),
    to: formatDay(figures.period.to, language),
  });
}

/** The community's month: hours given, neighbours who took part, goals, and thanks by name. */
export function FiguresScreen({ api }: ScreenProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const figures = useLoad('figures', () => api.figures.query());
  const data = figures.data;
  return (
    <section className="stack">
      <ScreenTitle title={t('figures.title')} back={pathOf({ name: 'home' })}>
        {data && <p className="muted">{inLanguage(data.communityName, language)}</p>}
      </ScreenTitle>
      {!data && figures.loading && <Loading />}
      {figures.error != null && !data && <Failure error={figures.error} onRetry={figures.reload} />}
      {data && (
        <>
          <h2>{periodText(t, data, language)}</h2>
          {data.approvedMinutes === 0 ? (
            <p className="muted">{t('figures.nothingYet')}</p>
          ) : (
            <dl className="balances">
              <div className="balance">
                <dd className="big-figure">{formatHours(data.approvedMinutes, language)}</dd>
                <dt>{t('figures.hours')}</dt>
              </div>
              <div className="balance">
                <dd className="big-figure">{formatNumber(data.participants, language)}</dd>
                <dt>{t('figures.participants')}</dt>
              </div>
            </dl>
          )}
          {data.goals.length > 0 && (
            <section className="stack">
              <h2>{t('figures.goals')}</h2>
              {data.goals.map((goal) => (
                <div key={goal.id} className="card">
                  <GoalProgressView goal={goal} />
                </div>
              ))}
            </section>
          )}
          {data.thanks.length > 0 && (
            <section className="card">
              <h2>{t('figures.thanks')}</h2>
              <p translate="no">{data.thanks.join(t('activities.listSeparator'))}</p>
            </section>
          )}
        </>
      )}
    </section>
  );
}
