import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** "Are you still there?" over the whole screen, with the seconds left in large type. */
export function CountdownOverlay({
  remaining,
  onStay,
  onLeave,
}: {
  remaining: number;
  onStay: () => void;
  onLeave: () => void;
}) {
  const { t } = useTranslation();
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => stay.current?.focus(), []);
  return (
    <div className="overlay">
      <div
        className="overlay-panel"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="countdown-title"
        aria-describedby="countdown-text"
      >
        <h2 id="countdown-title">{t('inactivity.title')}</h2>
        <p className="countdown-number" aria-hidden="true">
          {remaining}
        </p>
        <p id="countdown-text">{t('inactivity.text', { count: remaining })}</p>
        <div className="overlay-actions">
          <button
            ref={stay}
            type="button"
            className="button button-primary button-huge"
            onClick={onStay}
          >
            {t('inactivity.stay')}
          </button>
          <button type="button" className="button button-secondary" onClick={onLeave}>
            {t('inactivity.leave')}
          </button>
        </div>
      </div>
    </div>
  );
}
