import type { SignUpResult, StaffActivity } from '@tally/domain/activities';
import type { Resident } from '@tally/domain/residents';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { useLocalizedName } from '../../i18n/localized-name';
import { useUser } from '../../session/session-context';
import { Dialog } from '../../ui/dialog';
import { ErrorNotice } from '../../ui/states';
import { ResidentSearch } from '../residents/resident-search';
import { ACTIVITY_QUERIES } from './use-activity';

type SignedUp = { name: string; result: SignUpResult };

/**
 * Signs residents up one by one, for those who phoned or asked in person: a leader finds the
 * organization's members, the office anyone. Each gets a place, or one on the waiting list.
 */
export function SignUpMemberDialog({
  activity,
  taken,
  onClose,
}: {
  activity: StaffActivity;
  /** Residents already holding a place or waiting. */
  taken: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const inLanguage = useLocalizedName();
  const api = useApi();
  const user = useUser();
  const [done, setDone] = useState<SignedUp[]>([]);
  const signUp = useApiMutation(api.activities.signUpMember.mutate, {
    invalidates: ACTIVITY_QUERIES,
  });
  const pick = (resident: Resident) =>
    signUp.mutate(
      { activityId: activity.id, residentId: resident.id },
      { onSuccess: (result) => setDone((list) => [{ name: resident.name, result }, ...list]) },
    );
  const signedUpNow = done.map((entry) => entry.result.residentId);
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('activities.signUpTitle', { title: inLanguage(activity.title) })}
      footer={
        <button type="button" className="button" onClick={onClose}>
          {t('common.close')}
        </button>
      }
    >
      <p className="muted">
        {user.role === 'leader'
          ? t('activities.signUpHintLeader')
          : t('activities.signUpHintOffice')}
      </p>
      <ResidentSearch
        label={t('residents.search')}
        actionLabel={t('activities.signUp')}
        pickedLabel={t('activities.alreadySignedUp')}
        disabledIds={[...taken, ...signedUpNow]}
        {...(user.role === 'leader' ? { organizationId: activity.organization.id } : {})}
        onPick={pick}
      />
      <ErrorNotice error={signUp.error} />
      {done.length > 0 ? (
        <ul className="plain-list stack-small" aria-live="polite">
          {done.map(({ name, result }) => (
            <li key={result.residentId} className="notice notice-success">
              {result.status === 'signed_up'
                ? t('activities.signedUpPlace', { name })
                : t('activities.signedUpWaiting', { name, position: result.waitingPosition })}
            </li>
          ))}
        </ul>
      ) : null}
    </Dialog>
  );
}
