import { percentOf } from '../i18n/format';

/**
 * A goal's progress. With `adding`, the part a gift would add is drawn in a
 * second colour after what is raised, so "before" and "after" read at a glance.
 */
export function ProgressBar({
  raised,
  target,
  adding = 0,
  label,
}: {
  raised: number;
  target: number;
  adding?: number;
  label: string;
}) {
  const now = raised > 0 ? Math.max(1, percentOf(raised, target)) : 0;
  // A small gift to a large goal still shows: at least a sliver of the bar.
  const after =
    adding > 0 ? Math.min(100, Math.max(percentOf(raised + adding, target), now + 1.5)) : now;
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(after)}
    >
      <div className="progress-fill" style={{ width: `${now}%` }} />
      {after > now && (
        <div className="progress-adding" style={{ left: `${now}%`, width: `${after - now}%` }} />
      )}
    </div>
  );
}
