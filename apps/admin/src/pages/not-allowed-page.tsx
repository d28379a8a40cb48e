import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useUser } from '../session/session-context';

/** Shown when a role opens a page it may not use, e.g. by typing the address. */
export function NotAllowedPage() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <section className="card stack" aria-labelledby="not-allowed-title">
      <h1 id="not-allowed-title">{t('notAllowed.title')}</h1>
      <p>{t('notAllowed.body', { role: t(`roles.${user.role}`) })}</p>
      <p>
        <Link href="/" className="button button-primary">
          {t('notAllowed.home')}
        </Link>
      </p>
    </section>
  );
}
