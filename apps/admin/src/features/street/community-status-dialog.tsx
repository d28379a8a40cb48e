import type { StreetCommunity } from '@tally/domain/street';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { useLocalizedName } from '../../i18n/localized-name';
import { Dialog, FormActions } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { ErrorNotice } from '../../ui/states';
import { useToast } from '../../ui/toast';

/**
 * Closes an open community, or opens a closed one again, with a reason: the dialog is the
 * confirm step, saying what closing does before it is done.
 */
export function CommunityStatusDialog({
  community,
  onClose,
}: {
  community: StreetCommunity | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const inLanguage = useLocalizedName();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (!community) return;
    setReason('');
    setTried(false);
  }, [community]);
  const closing = community?.active ?? true;
  const options = {
    invalidates: ['street.get', 'street.insights'],
    onSuccess: (changed: StreetCommunity) => {
      const name = inLanguage(changed.name);
      toast(
        changed.active ? t('street.reopenedToast', { name }) : t('street.closedToast', { name }),
      );
      onClose();
    },
  };
  const deactivate = useApiMutation(api.street.deactivateCommunity.mutate, options);
  const reactivate = useApiMutation(api.street.reactivateCommunity.mutate, options);
  const write = closing ? deactivate : reactivate;
  if (!community) return null;
  const name = inLanguage(community.name);
  const missing = !reason.trim();

  return (
    <Dialog
      open
      onClose={onClose}
      title={closing ? t('street.closeTitle', { name }) : t('street.reopenTitle', { name })}
      footer={
        <FormActions
          form="community-status"
          onCancel={onClose}
          pending={write.isPending}
          danger={closing}
          label={closing ? t('street.closeConfirm') : t('street.reopenConfirm')}
        />
      }
    >
      <form
        id="community-status"
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (missing) return;
          write.mutate({ communityId: community.id, reason: reason.trim() });
        }}
      >
        <p>{closing ? t('street.closeExplain') : t('street.reopenExplain')}</p>
        <Field
          label={t('street.reason')}
          hint={t('street.reasonHint')}
          error={tried && missing ? t('street.reasonRequired') : undefined}
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
        <ErrorNotice error={write.error} />
      </form>
    </Dialog>
  );
}
