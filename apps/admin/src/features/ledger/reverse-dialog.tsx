import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { Dialog, FormActions } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { ErrorNotice } from '../../ui/states';
import { useToast } from '../../ui/toast';

/** Nothing recorded is edited: a mistake is undone by a reversal that names the original. */
export function ReverseDialog({
  open,
  transactionId,
  onClose,
  onReversed,
}: {
  open: boolean;
  transactionId: string;
  onClose: () => void;
  onReversed: (reversalId: string) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const reverse = useApiMutation(api.ledger.reverse.mutate, {
    invalidates: ['ledger.journal', 'ledger.transaction', 'residents.get', 'residents.list'],
    onSuccess: (result) => {
      toast(t('ledger.reversedToast', { sequence: result.sequence }));
      onClose();
      onReversed(result.transactionId);
    },
  });
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('ledger.reverseTitle')}
      footer={
        <FormActions
          form="reverse-form"
          onCancel={onClose}
          pending={reverse.isPending}
          label={t('ledger.reverse')}
          danger
        />
      }
    >
      <p>{t('ledger.reverseExplain')}</p>
      <form
        id="reverse-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (reason.trim()) reverse.mutate({ transactionId, reason: reason.trim() });
        }}
      >
        <Field
          label={t('approvals.reason')}
          error={tried && !reason.trim() ? t('ledger.reasonRequired') : undefined}
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
      </form>
      <ErrorNotice error={reverse.error} />
    </Dialog>
  );
}
