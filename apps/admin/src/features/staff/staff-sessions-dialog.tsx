import type { StaffMember } from '@tally/domain/staff';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiQuery, usePlainMutation } from '../../api/queries';
import { useSessionStore } from '../../session/session-context';
import { Dialog } from '../../ui/dialog';
import { SessionList } from '../account/session-list';

/** Where an account is signed in; the office can end any of those sessions at once. */
export function StaffSessionsDialog({
  member,
  onClose,
}: {
  member: StaffMember;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const session = useSessionStore();
  const input = { staffId: member.id };
  const sessions = useApiQuery('staff.sessions', input, api.staff.sessions.query, { staleTime: 0 });
  const revoke = usePlainMutation(api.staff.revokeSession.mutate, {
    invalidates: ['staff.sessions', 'auth.sessions'],
  });
  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title={t('staff.sessionsTitle', { name: member.displayName })}
    >
      <SessionList
        sessions={sessions.data}
        error={sessions.error ?? revoke.error}
        pending={revoke.isPending}
        onRevoke={(chosen) =>
          revoke.mutate(
            { staffId: member.id, sessionId: chosen.id },
            { onSuccess: ({ current }) => (current ? session.signOut() : undefined) },
          )
        }
      />
    </Dialog>
  );
}
