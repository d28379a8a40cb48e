import { useTranslation } from 'react-i18next';
import type { CheckedIn } from '../api/kiosk-client';
import { CheckIcon } from '../ui/icons';

/**
 * "Checked in — Wang Gang, 09:02", large enough to read from a step back, so the resident
 * (and the organizer beside the door) sees it worked and for whom. The time is the service's,
 * on the community's clock.
 */
export function CheckedInPanel({ arrival, onNext }: { arrival: CheckedIn; onNext: () => void }) {
  const { t } = useTranslation();
  const words = { name: arrival.displayName, time: arrival.localTime };
  return (
    <div className="checked-in" role="status">
      <CheckIcon className="icon checked-in-mark" />
      <p className="checked-in-title">
        {arrival.alreadyCheckedIn ? t('door.already', words) : t('door.done', words)}
      </p>
      <p className="checked-in-welcome">{t('door.welcome')}</p>
      <button type="button" className="button button-primary button-huge" onClick={onNext}>
        {t('door.next')}
      </button>
    </div>
  );
}
