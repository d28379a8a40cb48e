import type { StaffMember } from '@tally/domain/staff';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { ConfirmActions, Dialog } from '../../ui/dialog';
import { ErrorNotice } from '../../ui/states';
import { useToast } from '../../ui/toast';

/** A second office member vouches that the account is its own person's (maker–checker). */
export function ConfirmStaffDialog({
  member,
  onClose,
}: {
  member: StaffMember;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const name = member.displayName;
  const confirm = useApiMutation(api.staff.confirm.mutate, {
    invalidates: ['staff.list', 'service.list'],
    onSuccess: () => {
      toast(t('staff.confirmed', { name }));
      onClose();
    },
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('staff.confirmTitle', { name })}
      footer={
        <ConfirmActions
          onCancel={onClose}
          onConfirm={() => confirm.mutate({ staffId: member.id })}
          pending={confirm.isPending}
          label={t('staff.confirm')}
        />
      }
    >
      <p>{t('staff.confirmBody', { name })}</p>
      <ErrorNotice error={confirm.error} />
    </Dialog>
  );
}
