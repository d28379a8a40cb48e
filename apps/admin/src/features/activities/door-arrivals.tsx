import type { AttendanceEntry, StaffActivity } from '@tally/domain/activities';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Badge } from '../../ui/badge';
import { AttendanceList } from './attendance-list';
import { arrivals } from './attendance-words';

/**
 * Who came through the door, the latest first, with when they came and left; at the door, a
 * tap checks someone out without their card.
 */
export function DoorArrivals({
  activity,
  entries,
  onCheckOut,
  pending = false,
}: {
  activity: Pick<StaffActivity, 'signedUp'>;
  entries: readonly AttendanceEntry[];
  onCheckOut?: (cardNumber: string) => void;
  pending?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const came = arrivals(entries);
  return (
    <section className="card stack-small" aria-labelledby="door-arrivals">
      <div className="row-between">
        <h2 id="door-arrivals">{t('activities.door.arrivals')}</h2>
        <span className="muted" data-testid="door-count">
          {t('activities.door.count', {
            came: format.number(came.length),
            signedUp: format.number(activity.signedUp),
          })}
        </span>
      </div>
      {came.length === 0 ? (
        <p className="muted">{t('activities.door.nobody')}</p>
      ) : (
        <AttendanceList
          entries={came}
          label={t('activities.door.arrivals')}
          badge={(entry) =>
            entry.walkIn ? <Badge tone="info">{t('activities.attendance.walkIn')}</Badge> : null
          }
          detail={(entry) => (
            <>
              <span>
                {t('activities.door.inAt', { time: format.time(entry.checkedInAt ?? '') })}
              </span>
              {entry.checkedOutAt ? (
                <span>{t('activities.door.outAt', { time: format.time(entry.checkedOutAt) })}</span>
              ) : null}
            </>
          )}
          action={(entry) =>
            !entry.checkedOutAt && onCheckOut ? (
              <button
                type="button"
                className="button button-small"
                disabled={pending}
                aria-label={t('activities.door.checkOutName', { name: entry.resident.name })}
                onClick={() => onCheckOut(entry.resident.cardNumber)}
              >
                {t('activities.door.checkOut')}
              </button>
            ) : null
          }
        />
      )}
    </section>
  );
}
