import { DateInput, TimeInput } from './date-input';
import { Field } from './field';

/** A moment as the office types it: a day and a time, side by side, each with its label. */
export function DateTimeFields({
  labels,
  date,
  time,
  onDate,
  onTime,
  error,
}: {
  labels: { date: string; time: string };
  date: string;
  time: string;
  onDate: (date: string) => void;
  onTime: (time: string) => void;
  error?: string | undefined;
}) {
  return (
    <div className="form-grid">
      <Field label={labels.date} error={error}>
        {(control) => <DateInput control={control} value={date} onChange={onDate} />}
      </Field>
      <Field label={labels.time}>
        {(control) => <TimeInput control={control} value={time} onChange={onTime} />}
      </Field>
    </div>
  );
}
