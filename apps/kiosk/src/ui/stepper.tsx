/** − value + with large buttons: the only way to change a number on the kiosk is a tap. */
export function Stepper({
  value,
  min,
  max,
  step = 1,
  onChange,
  label,
  fewerLabel,
  moreLabel,
  disabled,
  format = String,
}: {
  value: number;
  min: number;
  max: number;
  step?: number;
  onChange: (value: number) => void;
  label: string;
  fewerLabel: string;
  moreLabel: string;
  disabled?: boolean;
  format?: (value: number) => string;
}) {
  return (
    <fieldset className="stepper">
      <legend className="visually-hidden">{label}</legend>
      <button
        type="button"
        className="button button-secondary stepper-button"
        aria-label={fewerLabel}
        disabled={disabled || value <= min}
        onClick={() => onChange(Math.max(min, value - step))}
      >
        −
      </button>
      <output className="stepper-value" aria-live="polite">
        {format(value)}
      </output>
      <button
        type="button"
        className="button button-secondary stepper-button"
        aria-label={moreLabel}
        disabled={disabled || value >= max}
        onClick={() => onChange(Math.min(max, value + step))}
      >
        +
      </button>
    </fieldset>
  );
}
