import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClaimChangeOutput } from '../api/me-types';
import type { useAction } from '../api/use-action';
import { ActionProblem } from '../ui/status';

/** "Something is wrong": a few words for the office, which decides. */
export function DisputePanel({
  action,
  onSend,
  onClose,
}: {
  action: ReturnType<typeof useAction<ClaimChangeOutput>>;
  onSend: (reason: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <section className="stack" aria-label={t('timebank.disputeTitle')}>
      <h3>{t('timebank.disputeTitle')}</h3>
      <p className="muted">{t('timebank.disputeHint')}</p>
      <label className="field">
        <span className="field-label">{t('timebank.disputeReason')}</span>
        <textarea
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            setMissing(false);
          }}
        />
      </label>
      {missing && (
        <p className="notice notice-error" role="alert">
          {t('timebank.needReason')}
        </p>
      )}
      <ActionProblem state={action.state} />
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={action.sending}
          onClick={() => {
            if (!reason.trim()) setMissing(true);
            else onSend(reason.trim());
          }}
        >
          {action.sending ? t('common.sending') : t('timebank.disputeSend')}
        </button>
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </section>
  );
}
