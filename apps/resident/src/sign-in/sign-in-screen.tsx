import { describeApiError } from '@tally/client/api-error';
import { inLanguage } from '@tally/domain/localized-text';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeApi } from '../api/me-client';
import { useLoad } from '../api/use-load';
import type { SignedOutNote } from '../app';
import { LanguageSwitch } from '../ui/language-switch';
import { useLanguage } from '../ui/use-language';
import { type SignInKind, type SignInProblem, signInProblem } from './sign-in-words';

export type SignedIn = { token: string; remember: boolean; communityId: string | null };

/**
 * Card number and PIN, or (a family member) phone and PIN. The community picker shows only
 * where the service holds more than one community. A locked card replaces the form: guessing
 * on would only keep it locked.
 */
export function SignInScreen({
  api,
  note,
  preferredCommunity,
  onSignedIn,
}: {
  api: MeApi;
  note: SignedOutNote | null;
  preferredCommunity: string | null;
  onSignedIn: (signedIn: SignedIn) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const communities = useLoad('communities', () => api.communities.query());
  const [kind, setKind] = useState<SignInKind>('card');
  const [login, setLogin] = useState('');
  const [pin, setPin] = useState('');
  const [remember, setRemember] = useState(false);
  const [picked, setPicked] = useState<string | null>(null);
  const [problem, setProblem] = useState<SignInProblem | null>(null);
  const [sending, setSending] = useState(false);

  const list = communities.data ?? [];
  const known = (id: string | null) => (id && list.some((c) => c.id === id) ? id : null);
  const communityId =
    known(picked) ??
    known(preferredCommunity) ??
    (list.length === 1 ? (list[0]?.id ?? null) : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    if (!login.trim() || !pin) {
      setProblem({ kind: 'message', text: t('signIn.missing') });
      return;
    }
    setSending(true);
    setProblem(null);
    const community = communityId ? { communityId } : {};
    try {
      const { token } =
        kind === 'card'
          ? await api.signIn.mutate({ ...community, cardNumber: login, pin, remember })
          : await api.signInFamily.mutate({ ...community, phone: login, pin, remember });
      onSignedIn({ token, remember, communityId });
    } catch (error) {
      setProblem(signInProblem(t, describeApiError(error), { kind, language }));
      setPin('');
    } finally {
      setSending(false);
    }
  };

  const switchKind = (next: SignInKind) => {
    setKind(next);
    setLogin('');
    setPin('');
    setProblem(null);
  };

  return (
    <div className="app">
      <header className="top-bar">
        <span className="brand">
          <img src={`${import.meta.env.BASE_URL}icons/icon.svg`} alt="" />
          {t('app.title')}
        </span>
        <LanguageSwitch />
      </header>
      <main className="main">
        <div className="screen-title">
          <h1>{t('signIn.title')}</h1>
          <p className="muted">{t('signIn.intro')}</p>
        </div>
        {note && (
          <p
            className={`notice ${note === 'signedOut' ? 'notice-info' : 'notice-warning'}`}
            role="status"
          >
            {t(`signIn.${note}`)}
          </p>
        )}
        {problem?.kind === 'locked' ? (
          <section className="card" aria-labelledby="locked-title">
            <h2 id="locked-title">{t('signIn.lockedTitle')}</h2>
            <p>{problem.text}</p>
            <p>{t('signIn.lockedAsk')}</p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => switchKind(kind)}
            >
              {t('signIn.useAnother')}
            </button>
          </section>
        ) : (
          <form className="stack" onSubmit={submit} noValidate>
            {list.length > 1 && (
              <label className="field">
                <span className="field-label">{t('signIn.community')}</span>
                <select
                  value={communityId ?? ''}
                  onChange={(event) => setPicked(event.target.value)}
                  required
                >
                  <option value="" disabled>
                    {t('signIn.community')}
                  </option>
                  {list.map((community) => (
                    <option key={community.id} value={community.id} translate="no">
                      {inLanguage(community.name, language)}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <div className="tabs">
              {(['card', 'family'] as const).map((each) => (
                <button
                  key={each}
                  type="button"
                  className="button button-secondary"
                  aria-pressed={kind === each}
                  onClick={() => switchKind(each)}
                >
                  {t(each === 'card' ? 'signIn.cardTab' : 'signIn.familyTab')}
                </button>
              ))}
            </div>
            {kind === 'family' && <p className="muted">{t('signIn.familyIntro')}</p>}
            <div className="field">
              <label className="field-label" htmlFor="sign-in-login">
                {t(kind === 'card' ? 'signIn.cardNumber' : 'signIn.phone')}
              </label>
              <input
                id="sign-in-login"
                name={kind === 'card' ? 'card' : 'phone'}
                value={login}
                onChange={(event) => setLogin(event.target.value)}
                autoComplete="username"
                autoCapitalize={kind === 'card' ? 'characters' : 'off'}
                inputMode={kind === 'card' ? 'text' : 'tel'}
                aria-describedby={kind === 'card' ? 'card-hint' : undefined}
              />
              {kind === 'card' && (
                <span className="field-hint" id="card-hint">
                  {t('signIn.cardHint')}
                </span>
              )}
            </div>
            <label className="field">
              <span className="field-label">{t('signIn.pin')}</span>
              <input
                name="pin"
                type="password"
                inputMode="numeric"
                autoComplete="current-password"
                value={pin}
                onChange={(event) => setPin(event.target.value)}
              />
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={remember}
                onChange={(event) => setRemember(event.target.checked)}
              />
              <span>
                <span className="field-label">{t('signIn.remember')}</span>
                <br />
                <span className="field-hint">{t('signIn.rememberHint')}</span>
              </span>
            </label>
            {problem && (
              <p className="notice notice-error" role="alert">
                {problem.text}
              </p>
            )}
            <button type="submit" className="button button-primary button-wide" disabled={sending}>
              {sending ? t('signIn.signingIn') : t('signIn.submit')}
            </button>
          </form>
        )}
      </main>
    </div>
  );
}
