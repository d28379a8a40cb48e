import { describeApiError } from '@tally/client/api-error';
import { type PasswordWeakness, passwordWeakness } from '@tally/domain/passwords';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { usePlainMutation } from '../../api/queries';
import { useUser } from '../../session/session-context';
import { PasswordField } from '../../ui/field';
import { ErrorNotice } from '../../ui/states';

/**
 * Current password, new password twice. The new one is checked here with the service's own
 * rules (`passwordWeakness`), so the reason shows before sending; the service checks again,
 * and also refuses one used before.
 */
export function ChangePasswordForm({
  submitLabel,
  onChanged,
}: {
  submitLabel: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const user = useUser();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [tried, setTried] = useState(false);
  const change = usePlainMutation(api.auth.changePassword.mutate);
  const weakness = passwordWeakness(next, user);
  const errors = {
    current: current ? undefined : t('validation.required'),
    next: weakness ? t(`account.weakness.${weakness}`) : undefined,
    again: again === next ? undefined : t('account.mismatch'),
  };
  const shown = (field: keyof typeof errors) => (tried ? errors[field] : undefined);
  const refusal = describeApiError(change.error);
  const serverWeakness =
    refusal.code === 'WEAK_PASSWORD' ? (refusal.details.reason as PasswordWeakness) : null;

  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (Object.values(errors).some(Boolean)) return;
        change.mutate(
          { currentPassword: current, newPassword: next },
          {
            onSuccess: () => {
              setCurrent('');
              setNext('');
              setAgain('');
              setTried(false);
              onChanged();
            },
          },
        );
      }}
    >
      <PasswordField
        label={t('account.currentPassword')}
        error={shown('current')}
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
      />
      <PasswordField
        label={t('account.newPassword')}
        error={shown('next')}
        hint={t('account.newPasswordHint')}
        autoComplete="new-password"
        value={next}
        onChange={setNext}
      />
      <PasswordField
        label={t('account.newPasswordAgain')}
        error={shown('again')}
        autoComplete="new-password"
        value={again}
        onChange={setAgain}
      />
      {serverWeakness ? (
        <div className="notice notice-danger" role="alert">
          {t(`account.weakness.${serverWeakness}`)}
        </div>
      ) : (
        <ErrorNotice error={change.error} />
      )}
      <div className="row">
        <button type="submit" className="button button-primary" disabled={change.isPending}>
          {change.isPending ? t('common.saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}
