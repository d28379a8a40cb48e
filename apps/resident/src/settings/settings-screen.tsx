import { useTranslation } from 'react-i18next';
import type { MeSession } from '../api/me-types';
import { useAction } from '../api/use-action';
import type { ScreenProps } from '../routed-screen';
import { LanguageSwitch } from '../ui/language-switch';
import { NamedText } from '../ui/named-text';
import { ActionProblem } from '../ui/status';
import { ChangePin } from './change-pin';
import { ProxiesPanel } from './proxies-panel';
import { SessionsList } from './sessions-list';

/**
 * Who is signed in, the language, the PIN, the phones signed in, family and proxies, and
 * signing out. Someone acting for another resident never sees the PIN form: only the resident
 * may change their PIN (the service refuses a proxy anyway).
 */
export function SettingsScreen({
  api,
  session,
  onSession,
  onSignOut,
}: ScreenProps & { onSession: (session: MeSession) => void; onSignOut: () => void }) {
  const { t } = useTranslation();
  const switching = useAction<MeSession>();
  const actFor = async (residentId: string) => {
    const next = await switching.run(() => api.actFor.mutate({ residentId }));
    if (next) onSession(next);
  };
  const actingName = session.actingFor?.displayName ?? '';
  return (
    <section className="stack">
      <div className="screen-title">
        <h1>{t('settings.title')}</h1>
        <p>
          <NamedText
            text={t('settings.signedInAs', { name: session.signedInAs.displayName })}
            names={[session.signedInAs.displayName]}
          />
        </p>
        {session.asProxy && (
          <p>
            <NamedText text={t('settings.actingFor', { name: actingName })} names={[actingName]} />
          </p>
        )}
      </div>
      <section className="card" aria-labelledby="language-title">
        <h2 id="language-title">{t('language.title')}</h2>
        <p>{t('language.current')}</p>
        <LanguageSwitch className="button button-secondary" />
      </section>
      {session.asProxy ? (
        <p className="notice notice-info">
          <NamedText text={t('settings.proxyNote', { name: actingName })} names={[actingName]} />
        </p>
      ) : (
        <ChangePin api={api} />
      )}
      <SessionsList api={api} />
      <ActionProblem state={switching.state} />
      <ProxiesPanel api={api} session={session} onActFor={actFor} />
      <button type="button" className="button button-danger button-wide" onClick={onSignOut}>
        {t('settings.signOut')}
      </button>
    </section>
  );
}
