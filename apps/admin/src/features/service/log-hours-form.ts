import {
  type ActivityError,
  type ActivityField,
  type ActivityValues,
  toActivityInput,
  validateActivity,
} from './activity-form';

/** What the person has typed into the log-hours form, as text. */
export type LogHoursValues = ActivityValues & {
  note: string;
  residentIds: string[];
};

export type LogHoursField = ActivityField | 'residentIds';

/** Error keys (under `logHours.errors`) by field. */
export type LogHoursErrors = Partial<Record<LogHoursField, LogHoursError>>;
export type LogHoursError = ActivityError | 'members' | 'tooManyMembers';

export const MAX_MEMBERS_PER_SHEET = 500;

/** The same rules the service applies, checked first so a person sees them next to the field. */
export function validateLogHours(values: LogHoursValues): LogHoursErrors {
  const errors: LogHoursErrors = validateActivity(values);
  if (values.residentIds.length === 0) errors.residentIds = 'members';
  else if (values.residentIds.length > MAX_MEMBERS_PER_SHEET) errors.residentIds = 'tooManyMembers';
  return errors;
}

/** The `service.log` input for valid values (without the idempotency key). */
export function toLogServiceInput(values: LogHoursValues) {
  return {
    ...toActivityInput(values),
    residentIds: values.residentIds,
    ...(values.note.trim() ? { note: values.note.trim() } : {}),
  };
}

/**
 * Where a new sign-in sheet starts: the last full hour ("14:00" at 14:37), so the default is
 * never in the future (a fixed "09:00" was, every morning before nine).
 */
export function lastFullHour(now = new Date()): Pick<LogHoursValues, 'date' | 'time'> {
  const pad = (value: number) => String(value).padStart(2, '0');
  return {
    date: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
    time: `${pad(now.getHours())}:00`,
  };
}

export function isInFuture(values: Pick<LogHoursValues, 'date' | 'time'>, now = new Date()) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date) || !/^\d{2}:\d{2}$/.test(values.time)) return false;
  return new Date(`${values.date}T${values.time}`) > now;
}
