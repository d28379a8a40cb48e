import type { AttendanceEntry } from '@tally/domain/activities';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../ui/dialog';
import { DigitsInput, Field } from '../../ui/field';
import { type Adjustment, type AdjustmentError, readAdjustment } from './close-sheet';

/**
 * One person's minutes set by hand before closing (they left early without checking out, or
 * came before the door opened), with the reason the reviewer will read on their record.
 */
export function AdjustMinutesDialog({
  entry,
  onAdjust,
  onClose,
}: {
  entry: AttendanceEntry;
  onAdjust: (adjustment: Adjustment) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState(String(entry.minutes ?? ''));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<AdjustmentError[]>([]);
  return (
    <FormDialog
      id="adjust-minutes"
      open
      onClose={onClose}
      title={t('activities.closing.adjustTitle', { name: entry.resident.name })}
      submitLabel={t('activities.closing.adjust')}
      pending={false}
      error={null}
      onSubmit={() => {
        const read = readAdjustment({ minutes, reason });
        setErrors(read.errors ?? []);
        if (read.adjustment) onAdjust(read.adjustment);
      }}
    >
      <p className="muted">
        {t('activities.closing.adjustExplain', {
          minutes: t('activities.minutesValue', { count: entry.minutes ?? 0 }),
        })}
      </p>
      <Field
        label={t('activities.closing.adjustMinutes')}
        error={errors.includes('minutes') ? t('activities.closing.minutesError') : undefined}
      >
        {(control) => (
          <DigitsInput control={control} value={minutes} onChange={setMinutes} maxLength={4} />
        )}
      </Field>
      <Field
        label={t('activities.closing.adjustReason')}
        hint={t('activities.closing.adjustReasonHint')}
        error={errors.includes('reason') ? t('activities.closing.reasonError') : undefined}
      >
        {(control) => (
          <textarea
            {...control}
            className="textarea"
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </Field>
    </FormDialog>
  );
}
