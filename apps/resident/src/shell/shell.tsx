import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeSession } from '../api/me-types';
import { Link, useLocation } from '../router/location';
import { pathOf, type Route } from '../router/routes';
import { LanguageSwitch } from '../ui/language-switch';
import { NamedText } from '../ui/named-text';

const sections = [
  // Community matters and the time bank open from Home (and Activities): a fifth section would not fit 390 px
  // with labels of at least 16 px in English.
  {
    key: 'home',
    route: { name: 'home' },
    also: [
      'matters',
      'myMatters',
      'decisions',
      'raiseMatter',
      'votes',
      'timeBank',
      'helpRequests',
      'myHelpRequests',
      'helping',
      'askHelp',
      'helpOffers',
      'giveCredit',
    ],
  },
  { key: 'activities', route: { name: 'activities' }, also: ['activity', 'mySignUps'] },
  {
    key: 'service',
    route: { name: 'records' },
    also: ['corrections', 'newCorrection', 'history', 'certificates'],
  },
  { key: 'settings', route: { name: 'settings' }, also: [] },
] as const;

/**
 * Every signed-in page: the top bar, a plain banner while acting for someone else, the page,
 * and the four sections along the bottom within a thumb's reach.
 */
export function Shell({
  session,
  route,
  children,
}: {
  session: MeSession;
  route: Route;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { navigate } = useLocation();
  const canSwitch = session.canActFor.length > 1;
  return (
    <div className="app">
      <header className="top-bar">
        <Link to={pathOf({ name: 'home' })} className="brand">
          <img src={`${import.meta.env.BASE_URL}icons/icon.svg`} alt="" />
          {t('app.title')}
        </Link>
        <LanguageSwitch />
      </header>
      {session.asProxy && session.actingFor && (
        <div className="proxy-banner" role="status" data-testid="proxy-banner">
          <span>
            <NamedText
              text={t('proxy.banner', { name: session.actingFor.displayName })}
              names={[session.actingFor.displayName]}
            />
          </span>
          {canSwitch && (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => navigate(pathOf({ name: 'actFor' }))}
            >
              {t('proxy.switch')}
            </button>
          )}
        </div>
      )}
      <main className="main">{children}</main>
      <nav className="bottom-nav" aria-label={t('nav.label')}>
        {sections.map((section) => {
          const here =
            route.name === section.route.name ||
            (section.also as readonly string[]).includes(route.name);
          return (
            <Link
              key={section.key}
              to={pathOf(section.route)}
              aria-current={here ? 'page' : undefined}
            >
              {t(`nav.${section.key}`)}
            </Link>
          );
        })}
      </nav>
    </div>
  );
}
