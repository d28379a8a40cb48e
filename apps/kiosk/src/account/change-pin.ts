import type { ApiFailure } from '@tally/client/api-error';
import type { TFunction } from 'i18next';
import type { Language } from '../device/device-settings';
import { identifyErrorText } from '../identify/identify-error';
import { errorText } from '../ui/error-text';

/** The PIN now, the new one, the new one again: three screens of one digit pad. */
export type ChangePinStep = 'old' | 'new' | 'again';

/** Why a step must be done again, in terms the screen words. */
export type PinProblem =
  | { kind: 'length' }
  | { kind: 'same' }
  | { kind: 'mismatch' }
  | { kind: 'refused'; failure: ApiFailure };

const PIN = /^\d{4,6}$/;

/** What the kiosk can tell before asking the service: 4 to 6 digits, and not the PIN now. */
export function checkNewPin(oldPin: string, newPin: string): PinProblem | null {
  if (!PIN.test(newPin)) return { kind: 'length' };
  if (newPin === oldPin) return { kind: 'same' };
  return null;
}

/**
 * Where a refusal sends the resident back to: a wrong PIN now (or a locked card) to the first
 * step; a new PIN the service finds too easy (or not a PIN) to choosing a new one.
 */
export function stepAfterRefusal(failure: ApiFailure): ChangePinStep {
  return failure.code === 'WEAK_PIN' || failure.code === 'VALIDATION_FAILED' ? 'new' : 'old';
}

/** A problem in plain words: tries left after a wrong PIN, why a new PIN is too easy to guess. */
export function pinProblemText(t: TFunction, problem: PinProblem, language: Language): string {
  if (problem.kind !== 'refused') return t(`changePin.${problem.kind}`);
  const { failure } = problem;
  if (failure.code === 'WRONG_PIN') {
    const triesLeft = Number(failure.details.triesLeft);
    if (!Number.isFinite(triesLeft)) return t('changePin.notYourPin');
    return triesLeft === 1
      ? t('changePin.wrongOldLast')
      : t('changePin.wrongOld', { count: triesLeft });
  }
  if (failure.code === 'PIN_LOCKED') return identifyErrorText(t, failure, language);
  if (failure.code === 'WEAK_PIN') {
    const reason = String(failure.details.reason ?? '');
    return t(`changePin.weak.${reason}`, { defaultValue: t('errors.WEAK_PIN') });
  }
  if (failure.code === 'VALIDATION_FAILED') return t('changePin.length');
  return errorText(t, failure);
}
