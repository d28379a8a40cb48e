import type { AddMemberOutput } from '@tally/domain/organizations';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { useUser } from '../../session/session-context';
import { Dialog } from '../../ui/dialog';
import { ErrorNotice } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { ResidentSearch } from '../residents/resident-search';
import { CardLookup } from './card-lookup';

/**
 * The office searches the whole community and adds a member at once (its approval). A leader
 * sees only their own members, so they invite someone new by the number on the resident's
 * card; the resident joins once they accept at the kiosk or the office approves.
 */
export function AddMemberDialog({
  open,
  organizationId,
  memberIds,
  onClose,
}: {
  open: boolean;
  organizationId: string;
  memberIds: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const toast = useToast();
  const add = useApiMutation(api.organizations.addMember.mutate, {
    invalidates: [
      'organizations.members',
      'organizations.list',
      'organizations.invitations',
      'residents.list',
    ],
  });
  const addResident = (
    resident: { id: string; name?: string; displayName: string },
    afterwards?: () => void,
  ) => {
    const name = resident.name ?? resident.displayName;
    add.mutate(
      { organizationId, residentId: resident.id },
      {
        onSuccess: (result) => {
          toast(outcome(result, name));
          afterwards?.();
        },
      },
    );
  };
  const outcome = (result: AddMemberOutput, name: string) =>
    result.status === 'member'
      ? result.added
        ? t('organizations.memberAdded', { name })
        : t('organizations.alreadyMember', { name })
      : result.invited
        ? t('invitations.sent', { name })
        : t('invitations.alreadyInvited', { name });

  const office = user.role === 'office';
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={office ? t('organizations.addMember') : t('invitations.inviteTitle')}
    >
      <p className="muted">{office ? t('invitations.officeAdds') : t('invitations.howItWorks')}</p>
      {office ? (
        <ResidentSearch
          label={t('residents.search')}
          actionLabel={t('organizations.add')}
          disabledIds={memberIds}
          onPick={(resident) => addResident(resident)}
        />
      ) : (
        <CardLookup
          organizationId={organizationId}
          onInvite={addResident}
          inviting={add.isPending}
        />
      )}
      <ErrorNotice error={add.error} />
    </Dialog>
  );
}
