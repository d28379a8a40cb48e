import type { ServiceCategory } from '@tally/domain/categories';
import { localDateTime } from '../../ui/dates';

/** What the person has typed into the log-hours form, as text. */
export type LogHoursValues = {
  organizationId: string;
  title: string;
  category: ServiceCategory | '';
  place: string;
  date: string;
  time: string;
  hours: string;
  minutes: string;
  note: string;
  residentIds: string[];
};

export type LogHoursField =
  | 'organizationId'
  | 'title'
  | 'category'
  | 'place'
  | 'date'
  | 'time'
  | 'duration'
  | 'residentIds';

/** Error keys (under `logHours.errors`) by field. */
export type LogHoursErrors = Partial<Record<LogHoursField, LogHoursError>>;
export type LogHoursError =
  | 'organization'
  | 'title'
  | 'category'
  | 'place'
  | 'date'
  | 'time'
  | 'duration'
  | 'durationTooLong'
  | 'members'
  | 'tooManyMembers';

export const MAX_MEMBERS_PER_SHEET = 500;

export function durationMinutes(values: Pick<LogHoursValues, 'hours' | 'minutes'>): number {
  const hours = values.hours.trim() === '' ? 0 : Number(values.hours);
  const minutes = values.minutes.trim() === '' ? 0 : Number(values.minutes);
  return Math.round(hours * 60) + minutes;
}

/** The same rules the service applies, checked first so a person sees them next to the field. */
export function validateLogHours(values: LogHoursValues): LogHoursErrors {
  const errors: LogHoursErrors = {};
  if (!values.organizationId) errors.organizationId = 'organization';
  if (!values.title.trim()) errors.title = 'title';
  if (!values.category) errors.category = 'category';
  if (!values.place.trim()) errors.place = 'place';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date)) errors.date = 'date';
  if (!/^\d{2}:\d{2}$/.test(values.time)) errors.time = 'time';
  const minutes = durationMinutes(values);
  if (!Number.isInteger(minutes) || minutes < 1) errors.duration = 'duration';
  else if (minutes > 1440) errors.duration = 'durationTooLong';
  if (values.residentIds.length === 0) errors.residentIds = 'members';
  else if (values.residentIds.length > MAX_MEMBERS_PER_SHEET) errors.residentIds = 'tooManyMembers';
  return errors;
}

/** The `service.log` input for valid values (without the idempotency key). */
export function toLogServiceInput(values: LogHoursValues) {
  return {
    organizationId: values.organizationId,
    residentIds: values.residentIds,
    activity: {
      title: values.title.trim(),
      category: values.category as ServiceCategory,
      place: values.place.trim(),
    },
    startedAt: localDateTime(values.date, values.time),
    minutes: durationMinutes(values),
    ...(values.note.trim() ? { note: values.note.trim() } : {}),
  };
}

export function isInFuture(values: Pick<LogHoursValues, 'date' | 'time'>, now = new Date()) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date) || !/^\d{2}:\d{2}$/.test(values.time)) return false;
  return new Date(`${values.date}T${values.time}`) > now;
}
