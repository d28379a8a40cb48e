import { NoticeDays } from '@tally/domain/notices';

/** The days typed into the notice-period field, or null when the service would refuse them. */
export function parseNoticeDays(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const parsed = NoticeDays.safeParse(Number(trimmed));
  return parsed.success ? parsed.data : null;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Whole days a record has left on the board, counting a started day as a day; 1 means it
 * leaves within the next 24 hours.
 */
export function daysLeftOnNotice(noticeUntil: string, now: Date = new Date()): number {
  return Math.max(1, Math.ceil((new Date(noticeUntil).getTime() - now.getTime()) / DAY));
}
