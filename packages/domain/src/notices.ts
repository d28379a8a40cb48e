import { z } from 'zod';
import { ServiceCategory } from './categories';
import { Id, IdempotencyKey } from './ledger';
import { LocalizedText } from './localized-text';
import { PageInput } from './pagination';

/** How long approved service stays on the public notice board, unless the office says otherwise. */
export const DEFAULT_NOTICE_DAYS = 7;

export const NoticeDays = z
  .number()
  .int('A notice period is a whole number of days')
  .min(1, 'A notice period is at least 1 day')
  .max(90, 'A notice period is at most 90 days');

export const NoticeSettings = z.object({ noticeDays: NoticeDays });
export type NoticeSettings = z.infer<typeof NoticeSettings>;

export const SetNoticeDaysInput = z.object({
  idempotencyKey: IdempotencyKey,
  noticeDays: NoticeDays,
});
export type SetNoticeDaysInput = z.infer<typeof SetNoticeDaysInput>;

export const NoticeListInput = PageInput;

/** The name shown for a resident who did not agree to be named on public screens. */
export const ANONYMOUS_RESIDENT = 'A resident';

/**
 * One approved record on the public notice board ("apply, review, public notice"): enough for
 * neighbours to recognise the service and speak up, and nothing personal beyond a display name
 * the resident agreed to show.
 */
export const Notice = z.object({
  serviceRecordId: Id,
  /** The display name, or "A resident" when the resident did not agree to be named. */
  displayName: z.string(),
  named: z.boolean(),
  organization: z.object({ id: Id, name: LocalizedText }),
  activity: z.object({ title: z.string(), category: ServiceCategory }),
  /** The day of the service in the community's calendar. */
  serviceDate: z.iso.date(),
  minutes: z.number().int().positive(),
  hours: z.number().nonnegative(),
  approvedAt: z.iso.datetime({ offset: true }),
  /** When the record leaves the board. */
  noticeUntil: z.iso.datetime({ offset: true }),
});
export type Notice = z.infer<typeof Notice>;

export const NoticeBoard = z.object({
  noticeDays: NoticeDays,
  items: z.array(Notice),
  nextCursor: z.string().nullable(),
});
export type NoticeBoard = z.infer<typeof NoticeBoard>;
