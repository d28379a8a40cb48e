import type { CorrectionRequest, MyServiceRecord, RecentActivity } from '../api/me-types';

/** The +/- buttons move by a quarter of an hour: the office logs service in such steps. */
export const MINUTE_STEP = 15;
export const MAX_MINUTES = 1440;

export type ReasonChoice = 'longer' | 'shorter' | 'notThere' | 'notLogged' | 'notOnList';
export const reasonChoices = {
  wrong_hours: ['longer', 'shorter', 'notThere'],
  missing_record: ['notLogged', 'notOnList'],
} as const satisfies Record<string, readonly ReasonChoice[]>;

/** What the resident has tapped so far. */
export type CorrectionChoice =
  | { kind: 'wrong_hours'; record: MyServiceRecord | null; minutes: number; reason: string }
  | {
      kind: 'missing_record';
      /** undefined: not chosen yet; null: "not sure". */
      organizationId: string | null | undefined;
      /** The sign-in sheet it was on; null: "not in the list". */
      activity: RecentActivity | null | undefined;
      reason: string;
    };

export function stepMinutes(minutes: number, direction: 1 | -1): number {
  return Math.min(MAX_MINUTES, Math.max(0, minutes + direction * MINUTE_STEP));
}

export type ChoiceProblem = 'needRecord' | 'sameHours' | 'needReason';

/**
 * Why it cannot be sent yet, or null. Wrong hours need the record, new hours and a reason; a
 * missing record named by its organization and sheet needs no reason (the service's rule).
 */
export function choiceProblem(choice: CorrectionChoice): ChoiceProblem | null {
  if (choice.kind === 'wrong_hours') {
    if (!choice.record) return 'needRecord';
    if (choice.minutes === choice.record.minutes) return 'sameHours';
    return choice.reason.trim() ? null : 'needReason';
  }
  if (choice.reason.trim()) return null;
  return choice.organizationId && choice.activity ? null : 'needReason';
}

/** The request as the service takes it (the idempotency key is added when it is sent). */
export function toRequest(choice: CorrectionChoice): Omit<CorrectionRequest, 'idempotencyKey'> {
  const reason = choice.reason.trim();
  if (choice.kind === 'wrong_hours') {
    return {
      kind: 'wrong_hours',
      serviceRecordId: choice.record?.id,
      proposedMinutes: choice.minutes,
      reason,
    };
  }
  const { organizationId, activity } = choice;
  return {
    kind: 'missing_record',
    reason,
    ...(organizationId ? { organizationId } : {}),
    ...(activity ? { serviceDate: activity.date, activityTitle: activity.title } : {}),
  };
}

/** The sheets to offer once an organization is chosen ("not sure": all of them). */
export function sheetsFor(
  activities: RecentActivity[],
  organizationId: string | null | undefined,
): RecentActivity[] {
  return organizationId
    ? activities.filter((activity) => activity.organization.id === organizationId)
    : activities;
}
