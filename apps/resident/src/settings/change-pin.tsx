import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeApi } from '../api/me-client';
import { useAction } from '../api/use-action';
import { ActionProblem } from '../ui/status';
import { type PinProblem, pinProblem } from './pin-form';

/** Old PIN, new PIN twice; a PIN too easy to guess is refused in words, before and by the service. */
export function ChangePin({ api }: { api: MeApi }) {
  const { t } = useTranslation();
  const [oldPin, setOldPin] = useState('');
  const [newPin, setNewPin] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<PinProblem | null>(null);
  const action = useAction<{ ok: true }>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = oldPin ? pinProblem({ oldPin, newPin, again }) : 'pinShape';
    setProblem(found);
    if (found) return;
    const done = await action.run(() => api.changePin.mutate({ oldPin, newPin }));
    if (done) {
      setOldPin('');
      setNewPin('');
      setAgain('');
    }
  };

  const field = (
    label: string,
    value: string,
    set: (value: string) => void,
    autoComplete: string,
  ) => (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        type="password"
        inputMode="numeric"
        autoComplete={autoComplete}
        maxLength={6}
        value={value}
        onChange={(event) => set(event.target.value)}
      />
    </label>
  );

  return (
    <form className="card" onSubmit={submit} aria-labelledby="pin-title" noValidate>
      <h2 id="pin-title">{t('settings.pinTitle')}</h2>
      {field(t('settings.oldPin'), oldPin, setOldPin, 'current-password')}
      {field(t('settings.newPin'), newPin, setNewPin, 'new-password')}
      {field(t('settings.newPinAgain'), again, setAgain, 'new-password')}
      {problem && (
        <p className="notice notice-error" role="alert">
          {t(`settings.${problem}`)}
        </p>
      )}
      <ActionProblem state={action.state} />
      {action.state.status === 'done' && (
        <p className="notice notice-success" role="status">
          {t('settings.pinChanged')}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={action.sending}>
        {action.sending ? t('common.sending') : t('settings.changePin')}
      </button>
    </form>
  );
}
