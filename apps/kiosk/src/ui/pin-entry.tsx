import '../identify/identify.css';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Keypad } from './keypad';

const MAX_PIN_LENGTH = 12;

/**
 * A PIN on the kiosk's digit pad, masked, and OK: the kiosk has no keyboard. The PIN is cleared
 * whenever `clearOn` changes (a refused try), so it never lingers and the next try starts from
 * nothing.
 */
export function PinEntry({
  title,
  hint,
  message,
  failed,
  busy,
  busyLabel,
  clearOn,
  aside,
  onSubmit,
}: {
  title: string;
  hint: string;
  /** Shown under the field: why the last try failed, or a notice. */
  message: string | null;
  /** The message is a refusal (red), not a notice. */
  failed: boolean;
  busy: boolean;
  busyLabel: string;
  clearOn?: unknown;
  /** Under the message, e.g. a way back. */
  aside?: ReactNode;
  onSubmit: (pin: string) => void;
}) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);
  useEffect(() => {
    if (clearOn) setPin('');
  }, [clearOn]);

  const add = (digit: string) => setPin((value) => (value + digit).slice(0, MAX_PIN_LENGTH));

  return (
    <form
      className="identify-layout"
      onSubmit={(event) => {
        event.preventDefault();
        if (pin && !busy) onSubmit(pin);
      }}
    >
      <div className="identify-entry">
        <h1>{title}</h1>
        <p className="lead">{hint}</p>
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
            <p className={`notice ${failed ? 'notice-error' : 'notice-warning'}`}>{message}</p>
          )}
        </div>
        {aside}
      </div>
      <Keypad
        label={t('identify.pinLabel')}
        disabled={busy}
        onKey={add}
        onDelete={() => setPin((value) => value.slice(0, -1))}
        onClear={() => setPin('')}
      />
      <button
        type="submit"
        className="button button-primary button-huge identify-submit"
        disabled={!pin || busy}
      >
        {busy ? busyLabel : t('common.ok')}
      </button>
    </form>
  );
}
