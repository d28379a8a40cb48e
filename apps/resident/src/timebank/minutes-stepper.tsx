import { useTranslation } from 'react-i18next';
import { durationText, stepMinutes } from './timebank-words';

/** A length of time set by − and + (a quarter of an hour a tap), shown in hours and minutes. */
export function MinutesStepper({
  minutes,
  onChange,
}: {
  minutes: number;
  onChange: (minutes: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="stepper">
      <button
        type="button"
        className="button button-secondary"
        aria-label={t('timebank.less')}
        onClick={() => onChange(stepMinutes(minutes, -1))}
      >
        −
      </button>
      <output className="stepper-value" aria-live="polite" data-testid="minutes-value">
        {durationText(t, minutes)}
      </output>
      <button
        type="button"
        className="button button-secondary"
        aria-label={t('timebank.more')}
        onClick={() => onChange(stepMinutes(minutes, 1))}
      >
        +
      </button>
    </div>
  );
}
