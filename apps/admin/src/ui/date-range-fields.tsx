import { useTranslation } from 'react-i18next';
import { DateInput } from './date-input';
import { Field } from './field';

/**
 * An optional day range for a list's filters, as calendar days with both ends included; the
 * list turns it into instants with `rangeFilter`.
 */
export function DateRangeFields({
  value,
  set,
  fromLabel,
  toLabel,
}: {
  value: { from: string; to: string };
  set: (field: 'from' | 'to', day: string) => void;
  /** "From" and "To" unless the list names what the days are of. */
  fromLabel?: string;
  toLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={fromLabel ?? t('common.from')}>
        {(control) => (
          <DateInput control={control} value={value.from} onChange={(day) => set('from', day)} />
        )}
      </Field>
      <Field label={toLabel ?? t('common.to')}>
        {(control) => (
          <DateInput control={control} value={value.to} onChange={(day) => set('to', day)} />
        )}
      </Field>
    </>
  );
}
