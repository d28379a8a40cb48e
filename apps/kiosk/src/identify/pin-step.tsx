import type { ApiFailure } from '@tally/client/api-error';
import { useTranslation } from 'react-i18next';
import { PinEntry } from '../ui/pin-entry';
import { useLanguage } from '../ui/use-language';
import { identifyErrorText } from './identify-error';

/** The PIN for the card typed, on a digit pad, masked; cleared after every try so it never lingers. */
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
  return (
    <PinEntry
      title={t('identify.pinTitle')}
      hint={t('identify.pinHint', { card })}
      message={failure ? identifyErrorText(t, failure, language) : notice}
      failed={failure !== null}
      busy={checking}
      busyLabel={t('identify.checking')}
      clearOn={failure}
      onSubmit={onSubmit}
    />
  );
}
