import './identify.css';
import { type ApiFailure, describeApiError } from '@tally/client/api-error';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDeviceRefused } from '../api/api-error';
import type { Identified, KioskApi } from '../api/kiosk-client';
import { useHoldIdle } from '../session/idle-hold';
import { BackIcon } from '../ui/icons';
import { LanguageSwitch } from '../ui/language-switch';
import { Screen } from '../ui/screen';
import { CardStep } from './card-step';
import { lockedUntilOf } from './identify-error';
import { LockedCard } from './locked-card';
import { PinStep } from './pin-step';

/**
 * Card, then PIN. A scanned card (or a resident whose session ran out) starts
 * at the PIN. The PIN is kept only in this screen's state and cleared after
 * every try.
 */
export function IdentifyScreen({
  api,
  initialCard,
  expired,
  onIdentified,
  onCancel,
  onDeviceRefused,
}: {
  api: KioskApi;
  initialCard: string;
  expired: boolean;
  onIdentified: (identified: Identified, cardNumber: string) => void;
  onCancel: () => void;
  onDeviceRefused: () => void;
}) {
  const { t } = useTranslation();
  const [card, setCard] = useState(initialCard);
  const [step, setStep] = useState<'card' | 'pin'>(initialCard ? 'pin' : 'card');
  const [checking, setChecking] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  useHoldIdle(checking);

  const identify = async (pin: string) => {
    if (checking) return;
    setChecking(true);
    setFailure(null);
    try {
      const identified = await api.identify.mutate({ cardNumber: card, pin });
      onIdentified(identified, card);
    } catch (error) {
      if (isDeviceRefused(error)) onDeviceRefused();
      setFailure(describeApiError(error));
      setChecking(false);
    }
  };

  const back =
    step === 'pin'
      ? () => {
          setStep('card');
          setFailure(null);
        }
      : onCancel;

  return (
    <Screen
      className="identify-screen"
      top={
        <>
          <button type="button" className="button button-quiet" onClick={back} disabled={checking}>
            <BackIcon />
            {step === 'pin' ? t('identify.changeCard') : t('common.back')}
          </button>
          <p className="step-label">{t('identify.step', { step: step === 'card' ? 1 : 2 })}</p>
          <LanguageSwitch />
        </>
      }
    >
      {failure?.code === 'PIN_LOCKED' ? (
        <LockedCard card={card} lockedUntil={lockedUntilOf(failure)} onHome={onCancel} />
      ) : step === 'card' ? (
        <CardStep
          card={card}
          onChange={setCard}
          onNext={() => {
            setCard((value) => value.trim().toUpperCase());
            setStep('pin');
          }}
        />
      ) : (
        <PinStep
          card={card}
          checking={checking}
          failure={failure}
          notice={expired && !failure ? t('identify.expired') : null}
          onSubmit={identify}
        />
      )}
    </Screen>
  );
}
