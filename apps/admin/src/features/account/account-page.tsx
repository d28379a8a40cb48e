import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiQuery, usePlainMutation } from '../../api/queries';
import { useSessionStore } from '../../session/session-context';
import { PageHeader } from '../../ui/page-header';
import { useToast } from '../../ui/toast';
import { ChangePasswordForm } from './change-password-form';
import { SessionList } from './session-list';

/** For everyone signed in: change my password, and see and end my sessions elsewhere. */
export function AccountPage() {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const session = useSessionStore();
  const sessions = useApiQuery('auth.sessions', undefined, () => api.auth.sessions.query(), {
    staleTime: 0,
  });
  const revoke = usePlainMutation(api.auth.revokeSession.mutate, {
    invalidates: ['auth.sessions'],
  });

  return (
    <>
      <PageHeader title={t('account.title')} description={t('account.description')} />
      <section className="card stack" aria-labelledby="change-password">
        <h2 id="change-password">{t('account.changePassword')}</h2>
        <ChangePasswordForm
          submitLabel={t('account.save')}
          onChanged={() => {
            toast(t('account.changed'));
            void sessions.refetch();
          }}
        />
      </section>
      <section className="card stack" aria-labelledby="my-sessions">
        <h2 id="my-sessions">{t('account.sessionsTitle')}</h2>
        <SessionList
          sessions={sessions.data}
          error={sessions.error ?? revoke.error}
          pending={revoke.isPending}
          onRevoke={(chosen) =>
            revoke.mutate(
              { sessionId: chosen.id },
              {
                onSuccess: ({ current }) => {
                  if (current) session.signOut();
                  else toast(t('account.revoked'));
                },
              },
            )
          }
        />
      </section>
    </>
  );
}
