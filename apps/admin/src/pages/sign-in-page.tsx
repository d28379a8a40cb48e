import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context';
import { usePlainMutation } from '../api/queries';
import { LanguageSwitch } from '../layout/language-switch';
import { useSessionStore } from '../session/session-context';
import type { SignInNotice } from '../session/session-store';
import { Field } from '../ui/field';
import { ErrorNotice } from '../ui/states';
import '../layout/shell.css';

export function SignInPage({ notice }: { notice: SignInNotice }) {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSessionStore();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const signIn = usePlainMutation(api.auth.login.mutate);

  return (
    <div className="centered-page">
      <main className="centered-card">
        <div className="row-between">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">
              T
            </span>
            <span>
              Tally
              <span className="brand-community">{t('shell.product')}</span>
            </span>
          </div>
          <LanguageSwitch />
        </div>
        <h1>{t('signIn.title')}</h1>
        {notice === 'expired' ? (
          <div className="notice notice-warning" role="status">
            {t('signIn.expired')}
          </div>
        ) : null}
        {notice === 'signed-out' ? (
          <div className="notice notice-success" role="status">
            {t('signIn.signedOut')}
          </div>
        ) : null}
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            signIn.mutate(
              { username: username.trim(), password },
              {
                onSuccess: ({ token, user, mustChangePassword }) =>
                  session.signIn(token, user, { mustChangePassword }),
              },
            );
          }}
        >
          <Field label={t('signIn.username')}>
            {(control) => (
              <input
                {...control}
                className="input"
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                required
                value={username}
                onChange={(event) => setUsername(event.target.value)}
              />
            )}
          </Field>
          <Field label={t('signIn.password')}>
            {(control) => (
              <input
                {...control}
                className="input"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            )}
          </Field>
          <ErrorNotice error={signIn.error} />
          <button type="submit" className="button button-primary" disabled={signIn.isPending}>
            {signIn.isPending ? t('signIn.signingIn') : t('signIn.submit')}
          </button>
        </form>
        <p className="field-hint">{t('signIn.roles')}</p>
      </main>
    </div>
  );
}
