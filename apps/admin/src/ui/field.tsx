import { type ReactNode, useId } from 'react';

export type ControlProps = {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
};

/** A labelled form control with its hint and error, wired for screen readers. */
export function Field({
  label,
  hint,
  error,
  className,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true } : {}),
      })}
      {hint ? (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** A box that keeps only the digits typed (a PIN, a birth year), with a number pad on touch screens. */
export function DigitsInput({
  control,
  value,
  onChange,
  maxLength,
  className = 'input',
  type,
  autoComplete,
}: {
  control: ControlProps;
  value: string;
  onChange: (digits: string) => void;
  maxLength: number;
  className?: string;
  type?: 'password';
  autoComplete?: 'off' | 'new-password';
}) {
  return (
    <input
      {...control}
      className={className}
      type={type}
      inputMode="numeric"
      autoComplete={autoComplete}
      maxLength={maxLength}
      value={value}
      onChange={(event) => onChange(event.target.value.replace(/\D/g, ''))}
    />
  );
}

/** A labelled password box; `new-password` lets password managers offer to save it. */
export function PasswordField({
  label,
  hint,
  error,
  autoComplete,
  value,
  onChange,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <input
          {...control}
          className="input"
          type="password"
          autoComplete={autoComplete}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
