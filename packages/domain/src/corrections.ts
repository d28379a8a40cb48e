import { z } from 'zod';
import { CalendarDay, ServiceStart } from './calendar';
import { ServiceCategory } from './categories';
import { Id, IdempotencyKey } from './ledger';
import { LocalizedText } from './localized-text';
import { PageInput } from './pagination';
import { Activity, ServiceRecordStatus } from './service';

export const correctionKinds = ['wrong_hours', 'missing_record'] as const;
export const CorrectionKind = z.enum(correctionKinds);
export type CorrectionKind = z.infer<typeof CorrectionKind>;

export const correctionStatuses = ['open', 'accepted', 'declined'] as const;
export const CorrectionStatus = z.enum(correctionStatuses);
export type CorrectionStatus = z.infer<typeof CorrectionStatus>;

/** Minutes a correction may name: 0 (the service should not count at all) to a whole day. */
export const CorrectionMinutes = z
  .number()
  .int('Minutes are a whole number')
  .min(0, 'Minutes cannot be negative')
  .max(1440, 'A service cannot last longer than a day (1440 minutes)');

export const CorrectionReason = z
  .string()
  .trim()
  .min(1, 'Say briefly what is wrong')
  .max(500, 'Keep the reason under 500 characters');

/** How far back the kiosk offers sign-in sheets to name a missing record by. */
export const RECENT_ACTIVITY_DAYS = 60;

/**
 * The activity of a missing record, as the resident picked it from the recent sign-in sheets.
 * It names a sheet already stored, so it takes any title the service ever accepted (200
 * characters before titles were held to `ACTIVITY_TITLE_MAX`), not only today's limit.
 */
export const MissingActivityTitle = z.string().trim().min(1).max(200);

/**
 * A resident at the kiosk asks for one of their own records to be corrected, or a missing one.
 * A missing record is named by taps (organization, day, activity) with the reason optional;
 * wrong hours, and a missing record named by no detail, need a reason.
 */
export const RequestCorrectionInput = z
  .object({
    idempotencyKey: IdempotencyKey,
    serviceRecordId: Id.optional(),
    kind: CorrectionKind,
    reason: z.string().trim().max(500, 'Keep the reason under 500 characters').default(''),
    proposedMinutes: CorrectionMinutes.optional(),
    /** Missing record: the organization it was with. */
    organizationId: Id.optional(),
    /** Missing record: the day of the service, `YYYY-MM-DD`. */
    serviceDate: CalendarDay.optional(),
    /** Missing record: the activity, from a recent sign-in sheet. */
    activityTitle: MissingActivityTitle.optional(),
  })
  .refine((input) => input.kind !== 'wrong_hours' || input.serviceRecordId !== undefined, {
    message: 'Choose the record whose hours are wrong',
    path: ['serviceRecordId'],
  })
  .refine((input) => input.kind !== 'missing_record' || input.serviceRecordId === undefined, {
    message: 'A missing record has no record to point at',
    path: ['serviceRecordId'],
  })
  .refine(
    (input) =>
      input.kind === 'missing_record' ||
      (input.organizationId ?? input.serviceDate ?? input.activityTitle) === undefined,
    { message: 'Only a missing record names its organization, day and activity', path: ['kind'] },
  )
  .refine(
    (input) =>
      input.reason.length > 0 ||
      (input.kind === 'missing_record' &&
        input.organizationId !== undefined &&
        (input.serviceDate ?? input.activityTitle) !== undefined),
    { message: 'Say briefly what is wrong', path: ['reason'] },
  );
export type RequestCorrectionInput = z.infer<typeof RequestCorrectionInput>;

/** The disputed record, as the request shows it. */
export const DisputedRecord = z.object({
  id: Id,
  organization: z.object({ id: Id, name: LocalizedText }),
  activity: z.object({ title: z.string(), category: ServiceCategory }),
  startedAt: z.iso.datetime({ offset: true }),
  minutes: z.number().int().positive(),
  points: z.number().int().nonnegative().nullable(),
});

export const CorrectionResolution = z.object({
  decision: z.enum(['accept', 'decline']),
  /** Why: the resident reads it at the kiosk. */
  reason: z.string(),
  resolvedAt: z.iso.datetime({ offset: true }),
  resolvedBy: z.object({ id: Id, displayName: z.string() }),
  correctedMinutes: z.number().int().nonnegative().nullable(),
  /** The reversal of the disputed record's credit, if one was posted. */
  reversalTransactionId: Id.nullable(),
  /** The record posted by the correction, and where it stands. */
  newRecord: z
    .object({ id: Id, status: ServiceRecordStatus, points: z.number().int().nullable() })
    .nullable(),
});

/** What the resident said of a missing record: each part may be left out. */
export const MissingRecordDetails = z.object({
  organization: z.object({ id: Id, name: LocalizedText }).nullable(),
  serviceDate: z.iso.date().nullable(),
  activityTitle: z.string().nullable(),
});
export type MissingRecordDetails = z.infer<typeof MissingRecordDetails>;

/** A correction request as the office sees it. */
export const CorrectionRequest = z.object({
  id: Id,
  kind: CorrectionKind,
  status: CorrectionStatus,
  reason: z.string(),
  proposedMinutes: z.number().int().nonnegative().nullable(),
  resident: z.object({ id: Id, name: z.string(), displayName: z.string(), cardNumber: z.string() }),
  record: DisputedRecord.nullable(),
  /** A missing record's organization, day and activity, when the resident named them. */
  missing: MissingRecordDetails.nullable(),
  requestedAt: z.iso.datetime({ offset: true }),
  resolution: CorrectionResolution.nullable(),
});
export type CorrectionRequest = z.infer<typeof CorrectionRequest>;

/** What the resident sees of their own request at the kiosk. */
export const MyCorrection = z.object({
  id: Id,
  kind: CorrectionKind,
  status: CorrectionStatus,
  reason: z.string(),
  proposedMinutes: z.number().int().nonnegative().nullable(),
  record: DisputedRecord.omit({ points: true }).nullable(),
  missing: MissingRecordDetails.nullable(),
  requestedAt: z.iso.datetime({ offset: true }),
  resolvedAt: z.iso.datetime({ offset: true }).nullable(),
  /** The office's reason for accepting or declining. */
  officeReason: z.string().nullable(),
  correctedMinutes: z.number().int().nonnegative().nullable(),
});
export type MyCorrection = z.infer<typeof MyCorrection>;

/** A recent sign-in sheet the kiosk offers to name a missing record by. */
export const RecentActivity = z.object({
  organization: z.object({ id: Id, name: LocalizedText }),
  title: z.string(),
  category: ServiceCategory,
  date: z.iso.date(),
});
export type RecentActivity = z.infer<typeof RecentActivity>;

/**
 * What the resident may pick a missing record from: their own organizations first (marked
 * `mine`) and the others with recent sheets, and the sheets of the last 60 days, newest first.
 */
export const RecentActivities = z.object({
  organizations: z.array(z.object({ id: Id, name: LocalizedText, mine: z.boolean() })),
  activities: z.array(RecentActivity),
  /** The first and last day offered, `YYYY-MM-DD` in the community's zone (the last is today). */
  from: z.iso.date(),
  to: z.iso.date(),
});
export type RecentActivities = z.infer<typeof RecentActivities>;

export const ListCorrectionsInput = PageInput.extend({
  status: CorrectionStatus.optional(),
  residentId: Id.optional(),
});
export type ListCorrectionsInput = z.infer<typeof ListCorrectionsInput>;

export const MyCorrectionsInput = PageInput;

/**
 * The office's answer. Accepting wrong hours reverses the record's credit and, unless the
 * corrected minutes are 0, posts a corrected record credited by the rule in force. Accepting a
 * missing record needs the record's details; it is logged for the resident and waits for a
 * second member of the office to approve it (whoever logs service never approves it).
 */
export const ResolveCorrectionInput = z.object({
  idempotencyKey: IdempotencyKey,
  id: Id,
  decision: z.enum(['accept', 'decline']),
  reason: CorrectionReason,
  /** Wrong hours: what the record should say (default: what the resident proposed). */
  correctedMinutes: CorrectionMinutes.optional(),
  /** Missing record: the service to log. */
  record: z
    .object({
      organizationId: Id,
      activity: Activity,
      startedAt: ServiceStart,
      minutes: CorrectionMinutes.min(1, 'A service lasts at least 1 minute'),
    })
    .optional(),
});
export type ResolveCorrectionInput = z.infer<typeof ResolveCorrectionInput>;

/** One of the resident's own service records at the kiosk, to see and to dispute. */
export const MyServiceRecord = z.object({
  id: Id,
  organization: z.object({ id: Id, name: LocalizedText }),
  activity: z.object({ title: z.string(), category: ServiceCategory }),
  startedAt: z.iso.datetime({ offset: true }),
  serviceDate: z.iso.date(),
  minutes: z.number().int().positive(),
  status: ServiceRecordStatus,
  points: z.number().int().nonnegative().nullable(),
  /** Approved, still counted, and with no open request: the resident may dispute its hours. */
  correctable: z.boolean(),
});
export type MyServiceRecord = z.infer<typeof MyServiceRecord>;
