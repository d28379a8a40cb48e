import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeApi } from '../api/me-client';
import { useAction } from '../api/use-action';
import { useLoad } from '../api/use-load';
import { formatDateTime } from '../i18n/format';
import { NamedText } from '../ui/named-text';
import { ActionProblem, Failure, Loading } from '../ui/status';
import { useLanguage } from '../ui/use-language';
import { deviceName } from './device-name';

/** The phones signed in to this account, this one first; any other can be signed out from here. */
export function SessionsList({ api }: { api: MeApi }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const sessions = useLoad('sessions', () => api.sessions.query());
  const action = useAction<{ revoked: boolean }>();
  const [done, setDone] = useState(false);
  const list = [...(sessions.data ?? [])].sort((a, b) => Number(b.current) - Number(a.current));

  const revoke = async (sessionId: string) => {
    setDone(false);
    const result = await action.run(() => api.revokeSession.mutate({ sessionId }));
    if (result) {
      setDone(true);
      sessions.reload();
    }
  };

  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('settings.sessionsTitle')}</h2>
      {!sessions.data && sessions.loading && <Loading />}
      {sessions.error != null && !sessions.data && (
        <Failure error={sessions.error} onRetry={sessions.reload} />
      )}
      {done && (
        <p className="notice notice-success" role="status">
          {t('settings.revoked')}
        </p>
      )}
      <ActionProblem state={action.state} />
      <ul className="list">
        {list.map((entry) => (
          <li
            key={entry.id}
            className="stack"
            style={{ gap: '0.2rem' }}
            data-testid="phone-session"
          >
            <h3>
              {entry.current ? t('settings.thisPhone') : t('settings.otherPhone')}
              {deviceName(entry.device) && (
                <span className="muted" translate="no">
                  {' '}
                  · {deviceName(entry.device)}
                </span>
              )}
            </h3>
            {entry.asProxy && (
              <p>
                <NamedText
                  text={t('settings.asProxy', { name: entry.signedInAs })}
                  names={[entry.signedInAs]}
                />
              </p>
            )}
            <p className="muted">
              {entry.remember
                ? t('settings.remembered', { date: formatDateTime(entry.expiresAt, language) })
                : t('settings.untilClose')}
            </p>
            <p className="muted">
              {t('settings.lastSeen', { date: formatDateTime(entry.lastSeenAt, language) })}
            </p>
            {!entry.current && (
              <button
                type="button"
                className="button button-quiet"
                style={{ alignSelf: 'flex-start' }}
                disabled={action.sending}
                onClick={() => revoke(entry.id)}
              >
                {t('settings.revoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
