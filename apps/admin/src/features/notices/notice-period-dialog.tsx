import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiMutation } from '../../api/queries';
import { FormDialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { useToast } from '../../ui/toast';
import { parseNoticeDays } from './notice-period';

/** The office sets how many days approved service stays on the public board. */
export function NoticePeriodDialog({
  open,
  current,
  onClose,
}: {
  open: boolean;
  current: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const [text, setText] = useState(String(current));
  const [tried, setTried] = useState(false);
  const save = useApiMutation(api.notices.setPeriod.mutate, {
    invalidates: ['notices.settings', 'notices.list'],
    onSuccess: (result) => {
      toast(t('notices.saved', { count: result.noticeDays }));
      onClose();
    },
  });
  const { reset } = save;
  useEffect(() => {
    if (!open) return;
    setText(String(current));
    setTried(false);
    reset();
  }, [open, current, reset]);
  const days = parseNoticeDays(text);

  return (
    <FormDialog
      id="notice-period-form"
      open={open}
      onClose={onClose}
      title={t('notices.dialogTitle')}
      submitLabel={t('common.save')}
      pending={save.isPending}
      error={save.error}
      onSubmit={() => {
        setTried(true);
        if (days !== null) save.mutate({ noticeDays: days });
      }}
    >
      <p className="muted">{t('notices.periodExplain')}</p>
      <Field
        label={t('notices.daysLabel')}
        hint={t('notices.daysHint')}
        error={tried && days === null ? t('notices.daysError') : undefined}
      >
        {(control) => (
          <input
            {...control}
            className="input notice-days-input"
            type="number"
            inputMode="numeric"
            min={1}
            max={90}
            step={1}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        )}
      </Field>
      <p className="muted">
        {t('notices.current', { days: t('notices.periodDays', { count: current }) })}
      </p>
    </FormDialog>
  );
}
