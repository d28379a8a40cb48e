import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckedIn, KioskApi } from '../api/kiosk-client';
import { useScannedCard } from '../idle/use-scanned-card';
import { BackIcon, NextIcon } from '../ui/icons';
import { Keypad } from '../ui/keypad';
import { useLanguage } from '../ui/use-language';
import { doorMessage } from './door-words';
import { useCheckIn } from './use-check-in';

const MAX_CARD_LENGTH = 32;
const MAX_PIN_LENGTH = 12;
/** A card number or PIN left half typed is cleared after this, for the next person. */
export const ABANDONED_MS = 30_000;

/**
 * How a resident checks in at the door: a card tapped on the reader (which types its number
 * and Enter) checks in at once, by the number alone; a number typed on the pad needs the PIN
 * too, since anyone could type anyone's number. The fields only show what the pads typed: the
 * reader is heard on the whole page, so a tap works whatever is on screen.
 */
export function DoorCheckIn({
  api,
  activityId,
  onStart,
  onCheckedIn,
  onRefusedHere,
}: {
  api: KioskApi;
  activityId: string;
  /** A check-in is on its way: whatever was on screen for the last person can go. */
  onStart: () => void;
  onCheckedIn: (result: CheckedIn) => void;
  /** The service says this kiosk is not at this door, or the door is not open. */
  onRefusedHere: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [card, setCard] = useState('');
  const [pin, setPin] = useState('');
  const [step, setStep] = useState<'card' | 'pin'>('card');
  const { state, checkIn } = useCheckIn({ api, activityId, onCheckedIn });
  const sending = state.status === 'sending';
  const failure = state.status === 'refused' ? state.failure : null;

  const start = (entry: { cardNumber: string; pin?: string }) => {
    onStart();
    checkIn(entry);
  };
  useScannedCard((cardNumber) => {
    setCard('');
    setPin('');
    setStep('card');
    start({ cardNumber });
  });

  // A wrong PIN is typed again; any other refusal sends the next person back to the card.
  useEffect(() => {
    if (!failure) return;
    setPin('');
    if (failure.code !== 'WRONG_PIN') setStep('card');
    if (failure.code === 'FORBIDDEN' || failure.code === 'ACTIVITY_NOT_OPEN') onRefusedHere();
  }, [failure, onRefusedHere]);
  useEffect(() => {
    if (!card && !pin) return;
    const timer = setTimeout(() => {
      setCard('');
      setPin('');
      setStep('card');
    }, ABANDONED_MS);
    return () => clearTimeout(timer);
  }, [card, pin]);

  const message = doorMessage(t, state, language);
  const typedCard = card.trim().toUpperCase();
  return (
    <div className="door-entry">
      {step === 'card' ? (
        <>
          <label className="entry-label" htmlFor="door-card">
            {t('identify.cardLabel')}
          </label>
          <input
            id="door-card"
            className="entry-field"
            value={card}
            readOnly
            inputMode="none"
            autoComplete="off"
          />
        </>
      ) : (
        <>
          <p className="lead">{t('door.pinHint', { card: typedCard })}</p>
          <label className="entry-label" htmlFor="door-pin">
            {t('identify.pinLabel')}
          </label>
          <input
            id="door-pin"
            className="entry-field entry-pin"
            type="password"
            value={pin}
            readOnly
            inputMode="none"
            autoComplete="off"
          />
        </>
      )}
      <div className="entry-message" role="alert">
        {message && <p className={`notice notice-${message.tone}`}>{message.text}</p>}
      </div>
      {step === 'card' ? (
        <Keypad
          letters
          label={t('identify.cardLabel')}
          disabled={sending}
          onKey={(key) => setCard((value) => (value + key).slice(0, MAX_CARD_LENGTH))}
          onDelete={() => setCard((value) => value.slice(0, -1))}
        />
      ) : (
        <Keypad
          label={t('identify.pinLabel')}
          disabled={sending}
          onKey={(digit) => setPin((value) => (value + digit).slice(0, MAX_PIN_LENGTH))}
          onDelete={() => setPin((value) => value.slice(0, -1))}
          onClear={() => setPin('')}
        />
      )}
      {step === 'card' ? (
        <button
          type="button"
          className="button button-primary button-huge"
          disabled={!typedCard || sending}
          onClick={() => setStep('pin')}
        >
          {t('common.next')}
          <NextIcon />
        </button>
      ) : (
        <div className="actions">
          <button
            type="button"
            className="button button-secondary button-large"
            disabled={sending}
            onClick={() => {
              setPin('');
              setStep('card');
            }}
          >
            <BackIcon />
            {t('identify.changeCard')}
          </button>
          <button
            type="button"
            className="button button-primary button-huge"
            disabled={!pin || sending}
            onClick={() => start({ cardNumber: typedCard, pin })}
          >
            {sending ? t('door.checking') : t('door.checkIn')}
          </button>
        </div>
      )}
    </div>
  );
}
