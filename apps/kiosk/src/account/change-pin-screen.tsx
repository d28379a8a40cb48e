import { describeApiError } from '@tally/client/api-error';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../api/kiosk-client';
import { PinEntry } from '../ui/pin-entry';
import { useLanguage } from '../ui/use-language';
import {
  type ChangePinStep,
  checkNewPin,
  type PinProblem,
  pinProblemText,
  stepAfterRefusal,
} from './change-pin';

const STEP_NUMBER: Record<ChangePinStep, number> = { old: 1, new: 2, again: 3 };

/**
 * The identified resident changes their PIN on the digit pad: the PIN now, then the new one
 * twice. A wrong PIN now counts toward the card's lockout, as at sign-in; a new PIN that is easy
 * to guess is refused with the reason, and the resident chooses again.
 */
export function ChangePinScreen({ api, onDone }: { api: KioskApi; onDone: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [step, setStep] = useState<ChangePinStep>('old');
  const [oldPin, setOldPin] = useState('');
  const [newPin, setNewPin] = useState('');
  const [problem, setProblem] = useState<PinProblem | null>(null);
  const [sending, setSending] = useState(false);
  const [changed, setChanged] = useState(false);

  if (changed) {
    return (
      <section className="change-pin-done" aria-labelledby="pin-changed-title">
        <h1 id="pin-changed-title">{t('changePin.doneTitle')}</h1>
        <p className="lead">{t('changePin.doneText')}</p>
        <button type="button" className="button button-primary button-huge" onClick={onDone}>
          {t('changePin.done')}
        </button>
      </section>
    );
  }

  const send = (again: string) => {
    if (again !== newPin) {
      setProblem({ kind: 'mismatch' });
      return setStep('new');
    }
    setSending(true);
    api.changePin.mutate({ oldPin, newPin }).then(
      () => setChanged(true),
      (error: unknown) => {
        const failure = describeApiError(error);
        setSending(false);
        setProblem({ kind: 'refused', failure });
        setStep(stepAfterRefusal(failure));
      },
    );
  };

  const submit = (pin: string) => {
    if (step === 'old') {
      setOldPin(pin);
      setProblem(null);
      return setStep('new');
    }
    if (step === 'new') {
      const wrong = checkNewPin(oldPin, pin);
      setProblem(wrong);
      if (wrong) return;
      setNewPin(pin);
      return setStep('again');
    }
    send(pin);
  };

  return (
    <PinEntry
      // A fresh pad for each step: empty, and the field focused.
      key={step}
      title={t(`changePin.${step}Title`)}
      hint={`${t('changePin.step', { step: STEP_NUMBER[step] })} · ${t(`changePin.${step}Hint`)}`}
      message={problem ? pinProblemText(t, problem, language) : null}
      failed={problem !== null}
      busy={sending}
      busyLabel={t('changePin.saving')}
      clearOn={problem}
      aside={
        <button type="button" className="button button-large" onClick={onDone}>
          {t('changePin.cancel')}
        </button>
      }
      onSubmit={submit}
    />
  );
}
