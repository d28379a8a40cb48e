import type { StaffMember } from '@tally/domain/staff';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { ConfirmActions, Dialog } from '../../ui/dialog';
import { ErrorNotice } from '../../ui/states';
import { CopyButton } from './copy-button';

/**
 * Asks first, then shows the temporary password exactly once: the service keeps only its hash
 * and will not show it again, so closing this dialog is the end of it.
 */
export function ResetPasswordDialog({
  member,
  onClose,
}: {
  member: StaffMember;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const reset = useApiMutation(api.staff.resetPassword.mutate, { invalidates: ['staff.list'] });
  const name = member.displayName;
  const temporaryPassword = reset.data?.temporaryPassword;

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('staff.resetTitle', { name })}
      footer={
        temporaryPassword ? (
          <button type="button" className="button button-primary" onClick={onClose}>
            {t('staff.done')}
          </button>
        ) : (
          <ConfirmActions
            onCancel={onClose}
            onConfirm={() => reset.mutate({ staffId: member.id })}
            pending={reset.isPending}
            label={t('staff.resetConfirm')}
            danger
          />
        )
      }
    >
      {temporaryPassword ? (
        <div className="stack">
          <p className="notice notice-warning">{t('staff.temporaryOnce', { name })}</p>
          <div className="field">
            <span className="field-label">{t('staff.temporaryPassword')}</span>
            <code className="token-box" data-testid="temporary-password">
              {temporaryPassword}
            </code>
          </div>
          <div className="row">
            <CopyButton text={temporaryPassword} />
          </div>
        </div>
      ) : (
        <p>{t('staff.resetBody', { name })}</p>
      )}
      <ErrorNotice error={reset.error} />
    </Dialog>
  );
}
