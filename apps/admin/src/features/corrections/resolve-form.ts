import type { ServiceCategory } from '@tally/domain/categories';
import type { CorrectionRequest, ResolveCorrectionInput } from '@tally/domain/corrections';
import { localDateTime } from '../../ui/dates';

/** What the office has typed into the answer form, as text. */
export type ResolveValues = {
  decision: 'accept' | 'decline' | '';
  reason: string;
  /** Wrong hours: the service should not count at all (reverse only). */
  notAtAll: boolean;
  hours: string;
  minutes: string;
  /** Missing record: the service to log. */
  organizationId: string;
  title: string;
  category: ServiceCategory | '';
  place: string;
  date: string;
  time: string;
};

export type ResolveField =
  | 'decision'
  | 'reason'
  | 'duration'
  | 'organizationId'
  | 'title'
  | 'category'
  | 'place'
  | 'date'
  | 'time';

/** Error keys (under `corrections.errors`) by field. */
export type ResolveError =
  | 'decision'
  | 'reason'
  | 'reasonTooLong'
  | 'duration'
  | 'durationTooLong'
  | 'sameLength'
  | 'organization'
  | 'title'
  | 'category'
  | 'place'
  | 'date'
  | 'time';
export type ResolveErrors = Partial<Record<ResolveField, ResolveError>>;

/** Prefilled from the request: the length the resident asked for, their only organization. */
export function initialResolveValues(
  request: CorrectionRequest,
  organizationIds: string[] = [],
): ResolveValues {
  const minutes = request.proposedMinutes ?? request.record?.minutes ?? 0;
  return {
    decision: '',
    reason: '',
    notAtAll: request.kind === 'wrong_hours' && request.proposedMinutes === 0,
    hours: minutes > 0 ? String(Math.floor(minutes / 60)) : '',
    minutes: minutes > 0 ? String(minutes % 60) : '',
    organizationId: organizationIds.length === 1 ? (organizationIds[0] ?? '') : '',
    title: '',
    category: '',
    place: '',
    date: '',
    time: '',
  };
}

export function lengthMinutes(values: Pick<ResolveValues, 'hours' | 'minutes'>): number {
  const hours = values.hours.trim() === '' ? 0 : Number(values.hours);
  const minutes = values.minutes.trim() === '' ? 0 : Number(values.minutes);
  return Math.round(hours * 60) + minutes;
}

/** The service's own rules, checked first so the office sees them next to the field. */
export function validateResolve(request: CorrectionRequest, values: ResolveValues): ResolveErrors {
  const errors: ResolveErrors = {};
  if (!values.decision) errors.decision = 'decision';
  const reason = values.reason.trim();
  if (!reason) errors.reason = 'reason';
  else if (reason.length > 500) errors.reason = 'reasonTooLong';
  if (values.decision !== 'accept') return errors;
  const counts = request.kind === 'missing_record' || !values.notAtAll;
  if (counts) {
    const minutes = lengthMinutes(values);
    if (!Number.isInteger(minutes) || minutes < 1) errors.duration = 'duration';
    else if (minutes > 1440) errors.duration = 'durationTooLong';
    else if (request.kind === 'wrong_hours' && minutes === request.record?.minutes) {
      errors.duration = 'sameLength';
    }
  }
  if (request.kind === 'missing_record') {
    if (!values.organizationId) errors.organizationId = 'organization';
    if (!values.title.trim()) errors.title = 'title';
    if (!values.category) errors.category = 'category';
    if (!values.place.trim()) errors.place = 'place';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date)) errors.date = 'date';
    if (!/^\d{2}:\d{2}$/.test(values.time)) errors.time = 'time';
  }
  return errors;
}

/** The `corrections.resolve` input for valid values (without the idempotency key). */
export function toResolveInput(
  request: CorrectionRequest,
  values: ResolveValues,
): Omit<ResolveCorrectionInput, 'idempotencyKey'> {
  const answer = { id: request.id, reason: values.reason.trim() };
  if (values.decision !== 'accept') return { ...answer, decision: 'decline' };
  if (request.kind === 'wrong_hours') {
    return {
      ...answer,
      decision: 'accept',
      correctedMinutes: values.notAtAll ? 0 : lengthMinutes(values),
    };
  }
  return {
    ...answer,
    decision: 'accept',
    record: {
      organizationId: values.organizationId,
      activity: {
        title: values.title.trim(),
        category: values.category as ServiceCategory,
        place: values.place.trim(),
      },
      startedAt: localDateTime(values.date, values.time),
      minutes: lengthMinutes(values),
    },
  };
}
