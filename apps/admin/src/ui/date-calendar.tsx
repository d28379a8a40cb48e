import 'react-day-picker/style.css';
import { useEffect, useRef } from 'react';
import { DayPicker } from 'react-day-picker';
import { enGB, zhCN } from 'react-day-picker/locale';
import { useTranslation } from 'react-i18next';

/** A month to pick a day from, in the reader's language; Escape or a click outside closes it. */
export default function DateCalendar({
  value,
  max,
  onPick,
  onClose,
}: {
  value: string | null;
  max?: string | undefined;
  onPick: (day: string) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const panel = useRef<HTMLDivElement>(null);
  const selected = value ? localDate(value) : undefined;
  const last = max ? localDate(max) : undefined;
  useEffect(() => {
    const outside = (event: PointerEvent) => {
      const container = panel.current?.parentElement;
      if (container && !container.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [onClose]);
  return (
    <div
      ref={panel}
      className="date-calendar"
      role="dialog"
      aria-label={t('common.chooseDate')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <DayPicker
        mode="single"
        autoFocus
        locale={i18n.language === 'en' ? enGB : zhCN}
        selected={selected}
        defaultMonth={selected ?? last}
        {...(last ? { disabled: { after: last }, endMonth: last } : {})}
        onSelect={(date) => {
          if (date) onPick(dayOf(date));
        }}
      />
    </div>
  );
}

function localDate(day: string): Date {
  return new Date(`${day}T12:00`);
}

function dayOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
