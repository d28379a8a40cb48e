import type { CorrectionRequest, MyRecord } from '../api/kiosk-client';

export type CorrectionKind = CorrectionRequest['kind'];

/** What the resident has chosen so far on the correction screen. */
export type CorrectionForm = {
  kind: CorrectionKind;
  /** Wrong hours: how long the service really lasted. */
  minutes: number;
  reason: string;
};

/** The +/- buttons move by a quarter of an hour: the office logs service in such steps. */
export const MINUTE_STEP = 15;
/** 0 says "this service should not count"; a service lasts at most a day (as the service checks). */
export const MIN_MINUTES = 0;
export const MAX_MINUTES = 1440;
export const MAX_REASON = 500;

/** One-tap reasons, by kind; the keys name strings in `service.reasons`. */
export type ReasonChoice = 'longer' | 'shorter' | 'notThere' | 'notLogged' | 'notOnList';
export const reasonChoices: Record<CorrectionKind, readonly ReasonChoice[]> = {
  wrong_hours: ['longer', 'shorter', 'notThere'],
  missing_record: ['notLogged', 'notOnList'],
};

/** A record opens on "wrong hours" at its recorded length; without one, only "missing" is possible. */
export function startForm(record: MyRecord | null): CorrectionForm {
  return record
    ? { kind: 'wrong_hours', minutes: record.minutes, reason: '' }
    : { kind: 'missing_record', minutes: 0, reason: '' };
}

export function stepMinutes(minutes: number, direction: 1 | -1): number {
  return Math.min(MAX_MINUTES, Math.max(MIN_MINUTES, minutes + direction * MINUTE_STEP));
}

export type FormProblem = 'needReason' | 'reasonTooLong' | 'sameHours' | 'needRecord';

/** Why the form cannot be sent yet, or null when it can. */
export function formProblem(form: CorrectionForm, record: MyRecord | null): FormProblem | null {
  if (form.kind === 'wrong_hours') {
    if (!record) return 'needRecord';
    if (form.minutes === record.minutes) return 'sameHours';
  }
  const reason = form.reason.trim();
  if (reason.length === 0) return 'needReason';
  if (reason.length > MAX_REASON) return 'reasonTooLong';
  return null;
}

/** The request as the service takes it (the idempotency key is added on confirm). */
export function toRequest(
  form: CorrectionForm,
  record: MyRecord | null,
): Omit<CorrectionRequest, 'idempotencyKey'> {
  const reason = form.reason.trim();
  if (form.kind === 'wrong_hours' && record) {
    return {
      kind: 'wrong_hours',
      serviceRecordId: record.id,
      proposedMinutes: form.minutes,
      reason,
    };
  }
  // A missing record points at no record: the one on screen (if any) only prompted it.
  return { kind: 'missing_record', reason };
}
