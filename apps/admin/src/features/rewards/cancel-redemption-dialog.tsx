import type { Redemption } from '@tally/domain/redemptions';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { useFormat } from '../../i18n/format';
import { useLocalizedName } from '../../i18n/localized-name';
import { Dialog, FormActions } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { ErrorNotice } from '../../ui/states';
import { useToast } from '../../ui/toast';

/** Cancelling gives the points back and puts the stock back; it always says why. */
export function CancelRedemptionDialog({
  redemption,
  onClose,
}: {
  redemption: Redemption | null;
  onClose: () => void;
}) {
  const inLanguage = useLocalizedName();
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const toast = useToast();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  useEffect(() => {
    setReason('');
    setTried(false);
  }, [redemption]);
  const cancel = useApiMutation(api.redemptions.cancel.mutate, {
    invalidates: ['redemptions.list', 'rewards.list', 'residents.get', 'ledger.journal'],
    onSuccess: () => {
      toast(t('redemptions.cancelled'));
      onClose();
    },
  });
  return (
    <Dialog
      open={redemption !== null}
      onClose={onClose}
      title={t('redemptions.cancelTitle', { code: redemption?.pickupCode })}
      footer={
        <FormActions
          form="cancel-redemption"
          onCancel={onClose}
          pending={cancel.isPending}
          label={t('redemptions.cancelConfirm')}
          pendingLabel={t('redemptions.cancelling')}
          cancelLabel={t('redemptions.keep')}
          danger
        />
      }
    >
      {redemption ? (
        <p>
          {t('redemptions.cancelExplain', {
            name: redemption.residentName,
            points: format.number(redemption.points),
            reward: inLanguage(redemption.rewardName),
          })}
        </p>
      ) : null}
      <form
        id="cancel-redemption"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (redemption && reason.trim())
            cancel.mutate({ redemptionId: redemption.id, reason: reason.trim() });
        }}
      >
        <Field
          label={t('approvals.reason')}
          error={tried && !reason.trim() ? t('redemptions.reasonRequired') : undefined}
        >
          {(control) => (
            <textarea
              {...control}
              className="textarea"
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
      </form>
      <ErrorNotice error={cancel.error} />
    </Dialog>
  );
}
