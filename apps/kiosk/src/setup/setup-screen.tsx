import './setup.css';
import { describeApiError } from '@tally/client/api-error';
import { newIdempotencyKey } from '@tally/client/idempotency-key';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createKioskApi, registerKiosk } from '../api/kiosk-client';
import { errorText } from '../ui/error-text';
import { LanguageSwitch } from '../ui/language-switch';
import { Screen } from '../ui/screen';

/**
 * Connecting the kiosk, done once by the office: either log in and register
 * this device, or type a device token the admin app showed. Either way the
 * token is checked with the service before it is kept.
 */
export function SetupScreen({
  url,
  revoked,
  onReady,
}: {
  url: string;
  revoked: boolean;
  onReady: (token: string) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(revoked ? t('setup.revoked') : null);

  const adoptToken = async (token: string) => {
    const api = createKioskApi({ url, deviceToken: () => token });
    await api.community.query();
    onReady(token);
  };

  const run =
    (work: (form: FormData) => Promise<void>) => async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (busy) return;
      const form = new FormData(event.currentTarget);
      setBusy(true);
      setMessage(null);
      try {
        await work(form);
      } catch (error) {
        const failure = describeApiError(error);
        setMessage(
          failure.code === 'UNAUTHORIZED' ? t('setup.tokenRefused') : errorText(t, failure),
        );
        setBusy(false);
      }
    };

  const register = run(async (data) => {
    const token = await registerKiosk({
      url,
      username: String(data.get('username') ?? ''),
      password: String(data.get('password') ?? ''),
      kioskName: String(data.get('kioskName') ?? ''),
      idempotencyKey: newIdempotencyKey(),
    });
    if (!token) throw new Error(t('setup.replayed'));
    await adoptToken(token);
  });

  const enterToken = run(async (data) => {
    const token = String(data.get('token') ?? '').trim();
    if (token) await adoptToken(token);
    else setBusy(false);
  });

  return (
    <Screen
      className="setup-screen"
      top={
        <>
          <p className="brand">
            <span className="brand-mark" aria-hidden="true">
              T
            </span>
            <span className="brand-name">{t('app.name')}</span>
          </p>
          <LanguageSwitch />
        </>
      }
    >
      <h1>{t('setup.title')}</h1>
      <p className="lead">{t('setup.intro')}</p>
      <div role="alert" className="setup-message">
        {message && <p className="notice notice-error">{message}</p>}
      </div>
      <div className="setup-forms">
        <form className="panel" onSubmit={register}>
          <h2>{t('setup.loginTitle')}</h2>
          <label className="field">
            <span>{t('setup.username')}</span>
            <input name="username" autoComplete="username" required />
          </label>
          <label className="field">
            <span>{t('setup.password')}</span>
            <input name="password" type="password" autoComplete="current-password" required />
          </label>
          <label className="field">
            <span>{t('setup.kioskName')}</span>
            <input name="kioskName" defaultValue={t('setup.kioskNameDefault')} required />
          </label>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('setup.registering') : t('setup.register')}
          </button>
        </form>
        <form className="panel" onSubmit={enterToken}>
          <h2>{t('setup.tokenTitle')}</h2>
          <label className="field">
            <span>{t('setup.token')}</span>
            <input name="token" autoComplete="off" spellCheck={false} required />
          </label>
          <p className="hint">{t('setup.tokenHint')}</p>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('setup.checking') : t('setup.useToken')}
          </button>
        </form>
      </div>
    </Screen>
  );
}
