import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { Badge } from '../../ui/badge';
import { Empty, ErrorNotice, Loading } from '../../ui/states';
import { useToast } from '../../ui/toast';

/** The phones signed in to a resident's account, the resident's own and their proxies'; a lost one is ended here. */
export function PhoneSessions({ residentId }: { residentId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const toast = useToast();
  const sessions = useApiQuery(
    'residents.phoneSessions',
    { residentId },
    api.residents.phoneSessions.query,
  );
  const end = useApiMutation(api.residents.revokePhoneSession.mutate, {
    invalidates: ['residents.phoneSessions'],
    onSuccess: () => toast(t('phoneApp.sessionEnded')),
  });
  if (sessions.error) return <ErrorNotice error={sessions.error} />;
  if (!sessions.data) return <Loading />;
  if (sessions.data.length === 0) return <Empty>{t('phoneApp.noSessions')}</Empty>;
  return (
    <div className="table-wrap">
      <table className="table" aria-label={t('phoneApp.sessions')}>
        <thead>
          <tr>
            <th scope="col">{t('phoneApp.device')}</th>
            <th scope="col">{t('phoneApp.signedInAs')}</th>
            <th scope="col">{t('account.lastSeen')}</th>
            <th scope="col">{t('phoneApp.expires')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('staff.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.data.map((session) => (
            <tr key={session.id}>
              <td>
                <span translate="no">{session.device || '—'}</span>
                <div className="muted">
                  {session.remember ? t('phoneApp.remembered') : t('phoneApp.forADay')}
                </div>
              </td>
              <td>
                <span translate="no">{session.signedInAs}</span>{' '}
                {session.asProxy ? <Badge tone="info">{t('phoneApp.asProxy')}</Badge> : null}
              </td>
              <td className="nowrap">{format.dateTime(session.lastSeenAt)}</td>
              <td className="nowrap">{format.dateTime(session.expiresAt)}</td>
              <td className="number">
                <button
                  type="button"
                  className="button button-small"
                  disabled={end.isPending}
                  onClick={() => end.mutate({ residentId, sessionId: session.id })}
                >
                  {t('phoneApp.endSession')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorNotice error={end.error} />
    </div>
  );
}
