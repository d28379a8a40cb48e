import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NextIcon } from '../ui/icons';
import { Keypad } from '../ui/keypad';

const MAX_CARD_LENGTH = 32;

/**
 * The card number, typed on the keypad or by a scanner. The field keeps the
 * focus (keys do not take it) and asks the device for no on-screen keyboard:
 * our keypad is the keyboard, the scanner types into the field.
 */
export function CardStep({
  card,
  onChange,
  onNext,
}: {
  card: string;
  onChange: (card: string) => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);
  const ready = card.trim().length > 0;

  return (
    <form
      className="identify-layout"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) onNext();
      }}
    >
      <div className="identify-entry">
        <h1>{t('identify.cardTitle')}</h1>
        <p className="lead">{t('identify.cardHint')}</p>
        <label className="entry-label" htmlFor="card-number">
          {t('identify.cardLabel')}
        </label>
        <input
          ref={field}
          id="card-number"
          className="entry-field"
          value={card}
          inputMode="none"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={MAX_CARD_LENGTH}
          onChange={(event) => onChange(event.target.value.toUpperCase())}
        />
      </div>
      <Keypad
        letters
        label={t('identify.cardLabel')}
        onKey={(key) => onChange((card + key).slice(0, MAX_CARD_LENGTH))}
        onDelete={() => onChange(card.slice(0, -1))}
      />
      <button
        type="submit"
        className="button button-primary button-huge identify-submit"
        disabled={!ready}
      >
        {t('common.next')}
        <NextIcon />
      </button>
    </form>
  );
}
