import type { ApiFailure } from '@tally/client/api-error';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Keypad } from '../ui/keypad';
import { useLanguage } from '../ui/use-language';
import { identifyErrorText } from './identify-error';

const MAX_PIN_LENGTH = 12;

/** The PIN on a digit pad, masked; cleared after every try so it never lingers. */
export function PinStep({
  card,
  checking,
  failure,
  notice,
  onSubmit,
}: {
  card: string;
  checking: boolean;
  failure: ApiFailure | null;
  notice: string | null;
  onSubmit: (pin: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [pin, setPin] = useState('');
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);
  // A failed try clears the PIN, so the next one starts from nothing.
  useEffect(() => {
    if (failure) setPin('');
  }, [failure]);

  const add = (digit: string) => setPin((value) => (value + digit).slice(0, MAX_PIN_LENGTH));
  const message = failure ? identifyErrorText(t, failure, language) : notice;

  return (
    <form
      className="identify-layout"
      onSubmit={(event) => {
        event.preventDefault();
        if (pin && !checking) onSubmit(pin);
      }}
    >
      <div className="identify-entry">
        <h1>{t('identify.pinTitle')}</h1>
        <p className="lead">{t('identify.pinHint', { card })}</p>
        <label className="entry-label" htmlFor="pin">
          {t('identify.pinLabel')}
        </label>
        <input
          ref={field}
          id="pin"
          className="entry-field entry-pin"
          type="password"
          value={pin}
          inputMode="none"
          autoComplete="off"
          maxLength={MAX_PIN_LENGTH}
          onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
          aria-describedby="pin-message"
        />
        <div id="pin-message" className="entry-message" role="alert">
          {message && (
            <p className={`notice ${failure ? 'notice-error' : 'notice-warning'}`}>{message}</p>
          )}
        </div>
      </div>
      <Keypad
        label={t('identify.pinLabel')}
        disabled={checking}
        onKey={add}
        onDelete={() => setPin((value) => value.slice(0, -1))}
        onClear={() => setPin('')}
      />
      <button
        type="submit"
        className="button button-primary button-huge identify-submit"
        disabled={!pin || checking}
      >
        {checking ? t('identify.checking') : t('common.ok')}
      </button>
    </form>
  );
}
