import type { ServiceRecord } from '@tally/domain/service';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Dialog, FormActions } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { ErrorNotice } from '../../ui/states';

/** Confirms an approval, saying how many records carry flags and how many hours it credits. */
export function ApproveDialog({
  open,
  records,
  pending,
  error,
  onClose,
  onConfirm,
}: {
  open: boolean;
  records: ServiceRecord[];
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const flagged = records.filter((record) => record.flags.length > 0).length;
  const minutes = records.reduce((sum, record) => sum + record.minutes, 0);
  const people = new Set(records.map((record) => record.resident.id)).size;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('approvals.approveTitle', { count: records.length })}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={pending || records.length === 0}
            onClick={onConfirm}
          >
            {pending
              ? t('common.saving')
              : t('approvals.confirmApprove', { count: records.length })}
          </button>
        </>
      }
    >
      <p>
        {t('approvals.approveSummary', {
          records: t('approvals.recordCount', { count: records.length }),
          people: t('approvals.peopleCount', { count: people }),
          hours: format.hours(minutes),
        })}
      </p>
      {flagged > 0 ? (
        <p className="notice notice-warning">{t('approvals.flaggedWarning', { count: flagged })}</p>
      ) : null}
      <p className="muted">{t('approvals.approveExplain')}</p>
      <ErrorNotice error={error} />
    </Dialog>
  );
}

/** A rejection always says why: the leader and the resident see the reason. */
export function RejectDialog({
  open,
  count,
  pending,
  error,
  onClose,
  onConfirm,
}: {
  open: boolean;
  count: number;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (open) {
      setReason('');
      setTried(false);
    }
  }, [open]);
  const missing = tried && !reason.trim();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('approvals.rejectTitle', { count })}
      footer={
        <FormActions
          form="reject-form"
          onCancel={onClose}
          pending={pending || count === 0}
          label={pending ? t('common.saving') : t('approvals.confirmReject', { count })}
          pendingLabel={pending ? t('common.saving') : t('approvals.confirmReject', { count })}
          danger
        />
      }
    >
      <form
        id="reject-form"
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (reason.trim()) onConfirm(reason.trim());
        }}
      >
        <Field
          label={t('approvals.reason')}
          hint={t('approvals.reasonHint')}
          error={missing ? t('approvals.reasonRequired') : undefined}
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
        <ErrorNotice error={error} />
      </form>
    </Dialog>
  );
}
