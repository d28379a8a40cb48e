import type { AttendanceEntry } from '@tally/domain/activities';
import type { ReactNode } from 'react';

/**
 * People at an activity, one line each, that reads as well on a phone at the door as on the
 * office's screen: who (name, card and a badge), then what the page says of them (times,
 * minutes) and what can be done (check out, adjust, give up the place).
 */
export function AttendanceList({
  entries,
  label,
  badge,
  detail,
  action,
}: {
  entries: readonly AttendanceEntry[];
  label: string;
  badge?: (entry: AttendanceEntry) => ReactNode;
  detail?: (entry: AttendanceEntry) => ReactNode;
  action?: (entry: AttendanceEntry) => ReactNode;
}) {
  return (
    <ul className="attendance-list" aria-label={label}>
      {entries.map((entry) => (
        <li key={entry.resident.id}>
          <div className="attendance-person">
            <strong translate="no">{entry.resident.name}</strong>
            <span className="muted mono">{entry.resident.cardNumber}</span>
            {badge?.(entry)}
          </div>
          <div className="attendance-detail">
            {detail?.(entry)}
            {action?.(entry)}
          </div>
        </li>
      ))}
    </ul>
  );
}
