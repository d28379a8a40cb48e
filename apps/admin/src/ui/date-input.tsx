import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import type { ControlProps } from './field';
import { readDay, readTime } from './typed-dates';

// The calendar (a date library and its locales) loads only when someone opens it.
const DateCalendar = lazy(() => import('./date-calendar'));

/**
 * A calendar day, typed ("2026-12-07", "2026/12/7", "2026年12月7日") or picked from a calendar in
 * the reader's language, and said back in words under the box ("2026年12月7日星期一"). A
 * browser's own date box would follow the browser's language, not the page's: an office whose
 * computer speaks English would see "12/07/2026" on a Chinese screen.
 */
export function DateInput({
  control,
  value,
  onChange,
  max,
}: {
  control: ControlProps;
  value: string;
  onChange: (day: string) => void;
  /** The last day that may be chosen ("YYYY-MM-DD"), e.g. today for service already given. */
  max?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const spokenId = useId();
  const day = readDay(value);
  const describedBy = [control['aria-describedby'], day ? spokenId : undefined]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="date-input">
      <div className="date-input-row">
        <input
          {...control}
          {...(describedBy ? { 'aria-describedby': describedBy } : {})}
          className="input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          placeholder={t('common.datePlaceholder')}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onBlur={() => {
            if (day && day !== value) onChange(day);
          }}
        />
        <button
          type="button"
          className="button date-input-button"
          aria-label={t('common.chooseDate')}
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
            <path
              d="M5 2v2H3v14h14V4h-2V2h-2v2H7V2zm-0 6h10v8H5z"
              fill="currentColor"
              fillRule="evenodd"
            />
          </svg>
        </button>
      </div>
      {day ? (
        <span id={spokenId} className="field-hint date-input-spoken">
          {format.longDay(day)}
        </span>
      ) : null}
      {open ? (
        <Suspense fallback={null}>
          <DateCalendar
            value={day}
            max={max}
            onPick={(picked) => {
              onChange(picked);
              setOpen(false);
            }}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      ) : null}
    </div>
  );
}

/** A time of day on the 24-hour clock both languages read ("14:00"), typed with a number pad. */
export function TimeInput({
  control,
  value,
  onChange,
}: {
  control: ControlProps;
  value: string;
  onChange: (time: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <input
      {...control}
      className="input"
      type="text"
      inputMode="numeric"
      autoComplete="off"
      maxLength={5}
      placeholder={t('common.timePlaceholder')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onBlur={() => {
        const time = readTime(value);
        if (time && time !== value) onChange(time);
      }}
    />
  );
}
