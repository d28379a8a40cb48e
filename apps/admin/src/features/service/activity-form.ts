import type { ServiceCategory } from '@tally/domain/categories';
import { ACTIVITY_TITLE_MAX } from '@tally/domain/service';
import { localDateTime } from '../../ui/dates';

// One activity as typed into a form: what a leader's sign-in sheet and the office's answer to
// a "missing record" request both log, checked by the same rules the service applies.

export type ActivityValues = {
  organizationId: string;
  title: string;
  category: ServiceCategory | '';
  place: string;
  date: string;
  time: string;
  hours: string;
  minutes: string;
};

export type ActivityField =
  | 'organizationId'
  | 'title'
  | 'category'
  | 'place'
  | 'date'
  | 'time'
  | 'duration';

export type ActivityError =
  | 'organization'
  | 'title'
  | 'titleTooLong'
  | 'category'
  | 'place'
  | 'date'
  | 'time'
  | 'duration'
  | 'durationTooLong';

export function durationMinutes(values: Pick<ActivityValues, 'hours' | 'minutes'>): number {
  const hours = values.hours.trim() === '' ? 0 : Number(values.hours);
  const minutes = values.minutes.trim() === '' ? 0 : Number(values.minutes);
  return Math.round(hours * 60) + minutes;
}

/** Why a service cannot last this long, if it cannot: at least a minute, at most a day. */
export function durationError(minutes: number): 'duration' | 'durationTooLong' | undefined {
  if (!Number.isInteger(minutes) || minutes < 1) return 'duration';
  if (minutes > 1440) return 'durationTooLong';
  return undefined;
}

/** Only the fields with a problem are keys, so an empty object means the activity is valid. */
export function validateActivity(
  values: ActivityValues,
): Partial<Record<ActivityField, ActivityError>> {
  const errors: Partial<Record<ActivityField, ActivityError>> = {};
  if (!values.organizationId) errors.organizationId = 'organization';
  if (!values.title.trim()) errors.title = 'title';
  // The field stops typing at the limit; a title taken over from a request may be longer.
  else if (values.title.trim().length > ACTIVITY_TITLE_MAX) errors.title = 'titleTooLong';
  if (!values.category) errors.category = 'category';
  if (!values.place.trim()) errors.place = 'place';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date)) errors.date = 'date';
  if (!/^\d{2}:\d{2}$/.test(values.time)) errors.time = 'time';
  const duration = durationError(durationMinutes(values));
  if (duration) errors.duration = duration;
  return errors;
}

/** The activity as `service.log` and `corrections.resolve` take it, for valid values. */
export function toActivityInput(values: ActivityValues) {
  return {
    organizationId: values.organizationId,
    activity: {
      title: values.title.trim(),
      category: values.category as ServiceCategory,
      place: values.place.trim(),
    },
    startedAt: localDateTime(values.date, values.time),
    minutes: durationMinutes(values),
  };
}
