import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { isStreetPage, ReadingBanner } from '../features/street/reading-banner';
import { useUser } from '../session/session-context';
import { LanguageSwitch } from './language-switch';
import { isActivePath, navigationFor } from './navigation';
import {
  DisputedHelpCount,
  IncomingMovesCount,
  OpenCorrectionsCount,
  OverdueTopicsCount,
  PendingCount,
  WaitingInvitationsCount,
} from './pending-count';
import { SignOutButton } from './sign-out-button';
import './shell.css';

export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const user = useUser();
  const [location] = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const groups = navigationFor(user.role);
  const allPaths = groups.flatMap((group) => group.items.map((item) => item.path));

  // A tap on a menu entry opens the page and closes the drawer.
  useEffect(() => setMenuOpen(false), [location]);

  return (
    <div className="shell" data-menu-open={menuOpen}>
      <a className="visually-hidden" href="#main">
        {t('shell.skipToContent')}
      </a>
      <aside className="sidebar" id="sidebar" aria-label={t('shell.menu')}>
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            T
          </span>
          <span>
            Tally
            <span className="brand-community">{t('shell.product')}</span>
          </span>
        </Link>
        <nav className="nav" aria-label={t('shell.menu')}>
          {groups.map((group) => (
            <div key={group.title ?? 'main'}>
              {group.title ? (
                <div className="nav-group-title">{t(`nav.groups.${group.title}`)}</div>
              ) : null}
              <ul>
                {group.items.map((item) => (
                  <li key={item.path}>
                    <Link
                      href={item.path}
                      className="nav-link"
                      aria-current={
                        isActivePath(item.path, location, allPaths) ? 'page' : undefined
                      }
                    >
                      <span>{t(`nav.${item.label}`)}</span>
                      {item.label === 'approvals' ? <PendingCount /> : null}
                      {item.label === 'corrections' ? <OpenCorrectionsCount /> : null}
                      {item.label === 'topics' && user.role === 'office' ? (
                        <OverdueTopicsCount />
                      ) : null}
                      {item.label === 'timebank' ? <DisputedHelpCount /> : null}
                      {item.label === 'moves' ? <IncomingMovesCount /> : null}
                      {item.label === 'organizations' && user.role === 'office' ? (
                        <WaitingInvitationsCount />
                      ) : null}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
      </aside>
      {menuOpen ? (
        // biome-ignore lint/a11y/noStaticElementInteractions: the scrim only mirrors the close button
        // biome-ignore lint/a11y/useKeyWithClickEvents: Escape and the menu button close it too
        <div className="shell-scrim" onClick={() => setMenuOpen(false)} />
      ) : null}
      <div className="main">
        <div className="topbar no-print">
          <button
            type="button"
            className="button topbar-menu"
            aria-expanded={menuOpen}
            aria-controls="sidebar"
            onClick={() => setMenuOpen((open) => !open)}
          >
            {t('shell.menu')}
          </button>
          <div className="topbar-user">
            <span className="topbar-name">{user.displayName}</span>
            <span className="user-role">{t(`roles.${user.role}`)}</span>
          </div>
          <Link
            href="/account"
            className="button button-ghost"
            aria-current={location === '/account' ? 'page' : undefined}
          >
            {t('account.menuLink')}
          </Link>
          <LanguageSwitch />
          <SignOutButton />
        </div>
        <main id="main" className="content">
          {user.role === 'street' && !isStreetPage(location) ? <ReadingBanner /> : null}
          {children}
        </main>
      </div>
    </div>
  );
}
