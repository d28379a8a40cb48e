import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../layout/language-switch';
import { SignOutButton } from '../../layout/sign-out-button';
import { useSessionStore } from '../../session/session-context';
import { ChangePasswordForm } from './change-password-form';
import '../../layout/shell.css';

/**
 * Straight after signing in with a temporary password: nothing else opens (the service refuses
 * every other call too) until the person has chosen a password only they know.
 */
export function MustChangePasswordPage() {
  const { t } = useTranslation();
  const session = useSessionStore();
  return (
    <div className="centered-page">
      <main className="centered-card stack">
        <div className="row-between">
          <h1>{t('account.mustChangeTitle')}</h1>
          <LanguageSwitch />
        </div>
        <p className="notice notice-warning">{t('account.mustChangeBody')}</p>
        <ChangePasswordForm
          submitLabel={t('account.mustChangeSave')}
          onChanged={() => session.passwordChanged()}
        />
        <div className="row">
          <SignOutButton />
        </div>
      </main>
    </div>
  );
}
