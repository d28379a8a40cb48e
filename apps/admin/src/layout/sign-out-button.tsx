import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context';
import { useSessionStore } from '../session/session-context';

export function SignOutButton() {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSessionStore();
  const queryClient = useQueryClient();
  return (
    <button
      type="button"
      className="button"
      onClick={async () => {
        // End the session on the server too (the token and the cookie stop working).
        await api.auth.logout.mutate().catch(() => undefined);
        session.signOut();
        queryClient.clear();
      }}
    >
      {t('shell.signOut')}
    </button>
  );
}
