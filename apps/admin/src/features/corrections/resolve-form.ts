import type { CorrectionRequest, ResolveCorrectionInput } from '@tally/domain/corrections';
import {
  type ActivityError,
  type ActivityField,
  type ActivityValues,
  durationError,
  durationMinutes,
  toActivityInput,
  validateActivity,
} from '../service/activity-form';

/** What the office has typed into the answer form, as text. */
export type ResolveValues = ActivityValues & {
  decision: 'accept' | 'decline' | '';
  reason: string;
  /** Wrong hours: the service should not count at all (reverse only). */
  notAtAll: boolean;
};

export type ResolveField = ActivityField | 'decision' | 'reason';

/** Error keys (under `corrections.errors`) by field. */
export type ResolveError = ActivityError | 'decision' | 'reason' | 'reasonTooLong' | 'sameLength';
export type ResolveErrors = Partial<Record<ResolveField, ResolveError>>;

/**
 * Prefilled from the request: the length the resident asked for, and the organization, activity
 * and day they picked at the kiosk (else their only organization).
 */
export function initialResolveValues(
  request: CorrectionRequest,
  organizationIds: string[] = [],
): ResolveValues {
  const minutes = request.proposedMinutes ?? request.record?.minutes ?? 0;
  const missing = request.missing;
  return {
    decision: '',
    reason: '',
    notAtAll: request.kind === 'wrong_hours' && request.proposedMinutes === 0,
    hours: minutes > 0 ? String(Math.floor(minutes / 60)) : '',
    minutes: minutes > 0 ? String(minutes % 60) : '',
    organizationId:
      missing?.organization && organizationIds.includes(missing.organization.id)
        ? missing.organization.id
        : organizationIds.length === 1
          ? (organizationIds[0] ?? '')
          : '',
    title: missing?.activityTitle ?? '',
    category: '',
    place: '',
    date: missing?.serviceDate ?? '',
    time: '',
  };
}

/** The service's own rules, checked first so the office sees them next to the field. */
export function validateResolve(request: CorrectionRequest, values: ResolveValues): ResolveErrors {
  const errors: ResolveErrors = {};
  if (!values.decision) errors.decision = 'decision';
  const reason = values.reason.trim();
  if (!reason) errors.reason = 'reason';
  else if (reason.length > 500) errors.reason = 'reasonTooLong';
  if (values.decision !== 'accept') return errors;
  if (request.kind === 'missing_record') return { ...errors, ...validateActivity(values) };
  if (values.notAtAll) return errors;
  const minutes = durationMinutes(values);
  const duration =
    durationError(minutes) ?? (minutes === request.record?.minutes ? 'sameLength' : undefined);
  if (duration) errors.duration = duration;
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
      correctedMinutes: values.notAtAll ? 0 : durationMinutes(values),
    };
  }
  return {
    ...answer,
    decision: 'accept',
    record: toActivityInput(values),
  };
}
