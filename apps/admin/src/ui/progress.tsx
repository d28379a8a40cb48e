/** A progress bar; without a value it shows that work is going on, not how much is done. */
export function Progress({ label, value }: { label: string; value?: number }) {
  const known = value !== undefined;
  const percent = known ? Math.round(Math.min(1, Math.max(0, value)) * 100) : undefined;
  return (
    <div
      className={known ? 'progress' : 'progress progress-indeterminate'}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      {...(percent !== undefined ? { 'aria-valuenow': percent } : {})}
    >
      <div className="progress-bar" style={known ? { width: `${percent}%` } : undefined} />
    </div>
  );
}
