import { formatHours, formatNumber } from '@tally/client/format';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../api/use-load';
import { hoursText } from '../i18n/hours';
import { VotesWaiting } from '../matters/votes-waiting';
import type { ScreenProps } from '../routed-screen';
import { Link } from '../router/location';
import { pathOf, type Route } from '../router/routes';
import { NamedText } from '../ui/named-text';
import { Failure, Loading } from '../ui/status';
import { useLanguage } from '../ui/use-language';

const quickLinks: { key: string; route: Route }[] = [
  { key: 'activities', route: { name: 'activities' } },
  { key: 'mySignUps', route: { name: 'mySignUps' } },
  { key: 'history', route: { name: 'history' } },
  { key: 'records', route: { name: 'records' } },
  { key: 'corrections', route: { name: 'corrections' } },
  { key: 'goals', route: { name: 'goals' } },
  { key: 'certificates', route: { name: 'certificates' } },
  { key: 'notices', route: { name: 'notices' } },
  { key: 'figures', route: { name: 'figures' } },
  { key: 'settings', route: { name: 'settings' } },
];

/** Points and hours with their units, this month's service, what is waiting, and the way on. */
export function HomeScreen({ api, session }: ScreenProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const summary = useLoad('summary', () => api.summary.query());
  const me = summary.data;
  const name = me?.displayName ?? session.actingFor?.displayName ?? '';
  return (
    <section className="stack" aria-labelledby="home-title">
      <div className="screen-title">
        <h1 id="home-title">
          {/* Someone acting for a resident is not greeted by the resident's name. */}
          <NamedText
            text={t(session.asProxy ? 'home.account' : 'home.hello', { name })}
            names={[name]}
          />
        </h1>
        {me && <p className="muted">{t('home.card', { card: me.cardNumber })}</p>}
      </div>
      {summary.error != null && !me && <Failure error={summary.error} onRetry={summary.reload} />}
      {!me && summary.loading && <Loading />}
      {me && (
        <>
          <dl className="balances">
            <div className="balance balance-points">
              <dt>{t('home.points')}</dt>
              <dd data-testid="balance-points">
                {formatNumber(me.points, language)}{' '}
                <span className="balance-unit">{t('common.pointsUnit')}</span>
              </dd>
            </div>
            <div className="balance">
              <dt>{t('home.hours')}</dt>
              <dd>
                {formatHours(me.minutes, language)}{' '}
                <span className="balance-unit">
                  {t('common.hoursUnit', { count: me.minutes / 60 })}
                </span>
              </dd>
            </div>
          </dl>
          <p>
            {t('home.thisMonth', {
              minutes: t('common.minutes', { count: me.minutesThisMonth }),
              hours: hoursText(t, me.minutesThisMonth, language),
            })}
          </p>
          {me.upcomingSignUps > 0 && (
            <p className="notice notice-info">
              {t('home.upcoming', { count: me.upcomingSignUps })}
            </p>
          )}
          {me.openCorrections > 0 && (
            <p className="notice notice-info">
              {t('home.openCorrections', { count: me.openCorrections })}
            </p>
          )}
        </>
      )}
      <Link to={pathOf({ name: 'matters' })} className="feature-link" data-testid="matters-entry">
        <strong>{t('links.matters')}</strong>
        <span>{t('matters.homeText')}</span>
      </Link>
      <VotesWaiting api={api} session={session} />
      <Link to={pathOf({ name: 'timeBank' })} className="feature-link" data-testid="timebank-entry">
        <strong>{t('links.timeBank')}</strong>
        <span>{t('timebank.homeText')}</span>
      </Link>
      <h2>{t('home.quickLinks')}</h2>
      <nav className="quick-links" aria-label={t('home.quickLinks')}>
        {quickLinks.map((link) => (
          <Link key={link.key} to={pathOf(link.route)}>
            {t(`links.${link.key}` as 'links.history')}
          </Link>
        ))}
      </nav>
    </section>
  );
}
