import { z } from 'zod';
import { Moment, ServiceStart } from './calendar';
import { ServiceCategory } from './categories';
import { ServiceMinutes } from './earning-rules';
import { Id, IdempotencyKey } from './ledger';
import { LocalizedText } from './localized-text';
import { PageInput } from './pagination';

/** The most records one call logs or reviews: a full sign-in sheet. */
export const MAX_RECORDS_PER_CALL = 500;

export const serviceRecordStatuses = ['pending', 'approved', 'rejected'] as const;
export const ServiceRecordStatus = z.enum(serviceRecordStatuses);
export type ServiceRecordStatus = z.infer<typeof ServiceRecordStatus>;

const distinct = (ids: readonly string[]) => new Set(ids).size === ids.length;

const RecordIds = (what: string) =>
  z
    .array(Id)
    .min(1, `Name at least one ${what}`)
    .max(MAX_RECORDS_PER_CALL, `At most ${MAX_RECORDS_PER_CALL} ${what}s per call`)
    .refine(distinct, `Each ${what} may appear only once`);

/** An activity's name fits one line of a list: the office reads dozens of them at a time. */
export const ACTIVITY_TITLE_MAX = 100;

export const Activity = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'Name the activity')
    .max(ACTIVITY_TITLE_MAX, `Keep the activity's name to ${ACTIVITY_TITLE_MAX} characters`),
  category: ServiceCategory,
  place: z.string().trim().min(1, 'Say where it took place').max(200),
});
export type Activity = z.infer<typeof Activity>;

/** One activity's sign-in sheet: the same service, once per resident who took part. */
export const LogServiceInput = z.object({
  idempotencyKey: IdempotencyKey,
  organizationId: Id,
  residentIds: RecordIds('resident'),
  activity: Activity,
  startedAt: ServiceStart,
  minutes: ServiceMinutes,
  note: z.string().trim().max(1000).optional(),
});
export type LogServiceInput = z.infer<typeof LogServiceInput>;

export const LogServiceResult = z.object({
  records: z.array(z.object({ id: Id, residentId: Id, status: z.literal('pending') })),
});
export type LogServiceResult = z.infer<typeof LogServiceResult>;

export const reviewDecisions = ['approve', 'reject'] as const;
export const ReviewDecision = z.enum(reviewDecisions);

export const ReviewServiceInput = z
  .object({
    idempotencyKey: IdempotencyKey,
    recordIds: RecordIds('record'),
    decision: ReviewDecision,
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .refine((input) => input.decision !== 'reject' || input.reason !== undefined, {
    message: 'A rejection needs a reason',
    path: ['reason'],
  });
export type ReviewServiceInput = z.infer<typeof ReviewServiceInput>;

export const ReviewedRecord = z.object({
  id: Id,
  status: ServiceRecordStatus.exclude(['pending']),
  /** Approved only: the points credited, the rule version that paid them and the transaction. */
  points: z.number().int().nonnegative().optional(),
  ruleVersion: z.number().int().positive().optional(),
  transactionId: Id.optional(),
});

export const ReviewServiceResult = z.object({ records: z.array(ReviewedRecord) });
export type ReviewServiceResult = z.infer<typeof ReviewServiceResult>;

/**
 * Hints for the reviewer, computed by the service when records are listed. None of them
 * blocks an approval; they say where to look twice.
 * - `over_12_hours_in_day`: the resident's non-rejected records starting on that calendar day
 *   (community time zone) add up to more than 720 minutes.
 * - `overlapping`: the record's time overlaps another non-rejected record of the same resident.
 * - `future_date`: the service starts after now.
 * - `logged_late`: logged more than 30 days after the service started.
 * - `self_logged`: the staff member who logged it has the resident's name (staff accounts and
 *   residents are separate, so a matching name is the only sign a leader logged their own hours).
 */
export const serviceFlags = [
  'over_12_hours_in_day',
  'overlapping',
  'future_date',
  'logged_late',
  'self_logged',
] as const;
export const ServiceFlag = z.enum(serviceFlags);
export type ServiceFlag = z.infer<typeof ServiceFlag>;

export const ListServiceInput = PageInput.extend({
  status: ServiceRecordStatus.optional(),
  organizationId: Id.optional(),
  residentId: Id.optional(),
  category: ServiceCategory.optional(),
  /** Service that started at or after this moment. */
  from: Moment.optional(),
  /** Service that started before this moment. */
  to: Moment.optional(),
});
export type ListServiceInput = z.infer<typeof ListServiceInput>;

const StaffRef = z.object({ id: Id, displayName: z.string() });

export const ServiceRecord = z.object({
  id: Id,
  organization: z.object({ id: Id, name: LocalizedText }),
  resident: z.object({ id: Id, name: z.string(), displayName: z.string() }),
  activity: z.object({ title: z.string(), category: ServiceCategory, place: z.string() }),
  startedAt: z.iso.datetime({ offset: true }),
  minutes: z.number().int().positive(),
  note: z.string(),
  status: ServiceRecordStatus,
  loggedBy: StaffRef,
  loggedAt: z.iso.datetime({ offset: true }),
  reviewedBy: StaffRef.nullable(),
  reviewedAt: z.iso.datetime({ offset: true }).nullable(),
  /** Why it was rejected (or the note given with an approval). */
  reason: z.string().nullable(),
  points: z.number().int().nonnegative().nullable(),
  /** Of `points`, how much was the first-participation bonus. */
  bonusPoints: z.number().int().nonnegative().nullable(),
  ruleVersion: z.number().int().positive().nullable(),
  transactionId: Id.nullable(),
  flags: z.array(ServiceFlag),
  /**
   * Logged by an account linked to the reader's (one opened or reset the other, or a third
   * did both, and no second office member confirmed it): the reader may not review it.
   */
  loggedByLinkedAccount: z.boolean(),
});
export type ServiceRecord = z.infer<typeof ServiceRecord>;
