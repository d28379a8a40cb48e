import type { StaffActivity } from '@tally/domain/activities';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { ConfirmActions, Dialog, FormActions } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { ErrorNotice } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { ACTIVITY_QUERIES } from './use-activity';

/** Asks before publishing a draft: from then on residents see it at the kiosk. */
export function PublishActivityDialog({
  activity,
  onClose,
}: {
  activity: StaffActivity;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const inLanguage = useLocalizedName();
  const format = useFormat();
  const api = useApi();
  const toast = useToast();
  const title = inLanguage(activity.title);
  const publish = useApiMutation(api.activities.publish.mutate, {
    invalidates: ACTIVITY_QUERIES,
    onSuccess: () => {
      toast(t('activities.published', { title }));
      onClose();
    },
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('activities.publishTitle', { title })}
      footer={
        <ConfirmActions
          onCancel={onClose}
          onConfirm={() => publish.mutate({ id: activity.id })}
          pending={publish.isPending}
          label={t('activities.publish')}
        />
      }
    >
      <p>
        {activity.signUpOpensAt
          ? t('activities.publishExplainOpens', { opens: format.dateTime(activity.signUpOpensAt) })
          : t('activities.publishExplain')}
      </p>
      <ErrorNotice error={publish.error} />
    </Dialog>
  );
}

/** Cancels an activity with a reason residents who signed up read at the kiosk. */
export function CancelActivityDialog({
  activity,
  onClose,
}: {
  activity: StaffActivity;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const inLanguage = useLocalizedName();
  const api = useApi();
  const toast = useToast();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const title = inLanguage(activity.title);
  const cancel = useApiMutation(api.activities.cancel.mutate, {
    invalidates: ACTIVITY_QUERIES,
    onSuccess: () => {
      toast(t('activities.cancelled', { title }));
      onClose();
    },
  });
  const people = activity.signedUp + activity.waitlisted;
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('activities.cancelTitle', { title })}
      footer={
        <FormActions
          form="cancel-activity"
          onCancel={onClose}
          pending={cancel.isPending}
          label={t('activities.cancelConfirm')}
          cancelLabel={t('activities.keep')}
          danger
        />
      }
    >
      <form
        id="cancel-activity"
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (!reason.trim()) return;
          cancel.mutate({ id: activity.id, reason: reason.trim() });
        }}
      >
        <p>
          {people > 0
            ? t('activities.cancelExplainPeople', { count: people })
            : t('activities.cancelExplain')}
        </p>
        <Field
          label={t('activities.cancelReason')}
          hint={t('activities.cancelReasonHint')}
          error={tried && !reason.trim() ? t('activities.cancelReasonRequired') : undefined}
        >
          {(control) => (
            <textarea
              {...control}
              className="textarea"
              maxLength={500}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          )}
        </Field>
        <ErrorNotice error={cancel.error} />
      </form>
    </Dialog>
  );
}
