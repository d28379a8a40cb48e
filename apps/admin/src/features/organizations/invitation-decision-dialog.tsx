import type { Invitation } from '@tally/domain/invitations';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { useLocalizedName } from '../../i18n/localized-name';
import { useUser } from '../../session/session-context';
import { Dialog } from '../../ui/dialog';
import { ErrorNotice } from '../../ui/states';
import { useToast } from '../../ui/toast';

export type Decision = { kind: 'approve' | 'withdraw'; invitation: Invitation };

const refreshes = [
  'organizations.invitations',
  'organizations.members',
  'organizations.list',
  'residents.list',
];

/** Confirms the office's approval, or withdrawing an invitation, saying what follows. */
export function InvitationDecisionDialog({
  decision,
  onClose,
}: {
  decision: Decision | null;
  onClose: () => void;
}) {
  const inLanguage = useLocalizedName();
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const user = useUser();
  const names = decision
    ? {
        name: decision.invitation.resident.displayName,
        organization: inLanguage(decision.invitation.organization.name),
      }
    : { name: '', organization: '' };
  const approve = useApiMutation(api.organizations.approveInvitation.mutate, {
    invalidates: refreshes,
    onSuccess: () => {
      toast(t('invitations.approved', names));
      onClose();
    },
  });
  const withdraw = useApiMutation(api.organizations.withdrawInvitation.mutate, {
    invalidates: refreshes,
    onSuccess: () => {
      toast(t('invitations.withdrawn', names));
      onClose();
    },
  });
  const approving = decision?.kind === 'approve';
  const write = approving ? approve : withdraw;
  return (
    <Dialog
      open={decision !== null}
      onClose={onClose}
      title={
        approving ? t('invitations.approveTitle', names) : t('invitations.withdrawTitle', names)
      }
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('invitations.keep')}
          </button>
          <button
            type="button"
            className={approving ? 'button button-primary' : 'button button-danger'}
            disabled={write.isPending}
            onClick={() => decision && write.mutate({ invitationId: decision.invitation.id })}
          >
            {approving
              ? t('invitations.approve')
              : user.role === 'office'
                ? t('invitations.cancel')
                : t('invitations.withdraw')}
          </button>
        </>
      }
    >
      <p>{approving ? t('invitations.approveExplain') : t('invitations.withdrawExplain')}</p>
      <ErrorNotice error={write.error} />
    </Dialog>
  );
}
