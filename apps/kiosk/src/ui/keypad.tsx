import { type PointerEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeleteIcon } from './icons';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

// A key press must not take the focus from the field: a card scanner types
// into whatever has the focus, and it should always be the field.
const keepFocus = (event: PointerEvent) => event.preventDefault();

function Key({
  label,
  onPress,
  className = 'key',
  ariaLabel,
  disabled,
}: {
  label: ReactNode;
  onPress: () => void;
  className?: string;
  ariaLabel?: string;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      className={className}
      onPointerDown={keepFocus}
      onClick={onPress}
      aria-label={ariaLabel}
      disabled={disabled}
    >
      {label}
    </button>
  );
}

/**
 * Large keys for a card number or a PIN. Card numbers may start with a letter
 * ("Q0001"): "ABC" shows the letters, and after one letter the digits return,
 * since a card holds at most a letter or two.
 */
export function Keypad({
  letters = false,
  onKey,
  onDelete,
  onClear,
  disabled,
  label,
}: {
  /** Offer the ABC key (card numbers); a PIN pad has digits only. */
  letters?: boolean;
  onKey: (key: string) => void;
  onDelete: () => void;
  onClear?: () => void;
  disabled?: boolean;
  label: string;
}) {
  const { t } = useTranslation();
  const [showLetters, setShowLetters] = useState(false);

  if (showLetters) {
    return (
      <fieldset className="keypad keypad-letters">
        <legend className="visually-hidden">{label}</legend>
        {LETTERS.map((letter) => (
          <Key
            key={letter}
            label={letter}
            disabled={disabled}
            onPress={() => {
              onKey(letter);
              setShowLetters(false);
            }}
          />
        ))}
        <Key
          label={t('keypad.digits')}
          ariaLabel={t('keypad.digitsLabel')}
          className="key key-mode"
          onPress={() => setShowLetters(false)}
        />
        <Key
          label={<DeleteIcon />}
          ariaLabel={t('keypad.delete')}
          className="key key-delete"
          disabled={disabled}
          onPress={onDelete}
        />
      </fieldset>
    );
  }

  return (
    <fieldset className="keypad keypad-digits">
      <legend className="visually-hidden">{label}</legend>
      {DIGITS.map((digit) => (
        <Key key={digit} label={digit} disabled={disabled} onPress={() => onKey(digit)} />
      ))}
      {letters ? (
        <Key
          label={t('keypad.letters')}
          ariaLabel={t('keypad.lettersLabel')}
          className="key key-mode"
          disabled={disabled}
          onPress={() => setShowLetters(true)}
        />
      ) : (
        <Key
          label={t('keypad.clear')}
          className="key key-mode"
          disabled={disabled}
          onPress={() => onClear?.()}
        />
      )}
      <Key label="0" disabled={disabled} onPress={() => onKey('0')} />
      <Key
        label={<DeleteIcon />}
        ariaLabel={t('keypad.delete')}
        className="key key-delete"
        disabled={disabled}
        onPress={onDelete}
      />
    </fieldset>
  );
}
