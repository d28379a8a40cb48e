import { useTranslation } from 'react-i18next';
import { Stepper } from '../ui/stepper';
import { durationText, MINUTES_MAX, MINUTES_MIN, MINUTES_STEP } from './timebank-words';

/** How long it took, by taps: − and + a quarter of an hour at a time, shown as people say it. */
export function MinutesPicker({
  minutes,
  onChange,
  disabled,
}: {
  minutes: number;
  onChange: (minutes: number) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stepper
      value={minutes}
      min={MINUTES_MIN}
      max={MINUTES_MAX}
      step={MINUTES_STEP}
      onChange={onChange}
      label={t('timebank.howLongLabel')}
      fewerLabel={t('timebank.fewer')}
      moreLabel={t('timebank.more')}
      disabled={disabled}
      format={(value) => durationText(t, value)}
    />
  );
}
