import type { Notice, TimeBankBoard } from '../api/kiosk-client';
import type { GovernanceDecision, GovernancePoll } from './governance-notices';

/** Splits the board into pages of `size`; an empty board is one empty page. */
export function noticePages<T>(items: readonly T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const pages: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    pages.push(items.slice(start, start + size));
  }
  return pages;
}

type Board = { decisions: GovernanceDecision[]; polls: GovernancePoll[] };

/**
 * One page of the board: a few lines of service, the time bank's thanks and month, one
 * decision, or one poll's result.
 */
export type BoardPage =
  | { part: 'service'; items: Notice[] }
  | { part: 'timebank'; board: TimeBankBoard }
  | { part: 'decision'; item: GovernanceDecision }
  | { part: 'poll'; item: GovernancePoll };

/** The time bank has something to show: thanks, help this month, or credit in the care pool. */
const timeBankShows = (board: TimeBankBoard) =>
  board.exchanges.length > 0 || board.monthExchanges > 0 || board.poolBalance > 0;

/**
 * The whole board's pages: service first, then the time bank's page, then each decision, then
 * each poll result, one to a page (each is several lines long). With nothing at all, one empty
 * service page says so.
 */
export function boardPages(
  notices: readonly Notice[],
  governance: Board | undefined,
  size: number,
  timebank?: TimeBankBoard,
): BoardPage[] {
  const service = noticePages(notices, size).map(
    (items): BoardPage => ({ part: 'service', items }),
  );
  const decided: BoardPage[] = [
    ...(timebank && timeBankShows(timebank)
      ? [{ part: 'timebank', board: timebank } as const]
      : []),
    ...(governance?.decisions ?? []).map((item): BoardPage => ({ part: 'decision', item })),
    ...(governance?.polls ?? []).map((item): BoardPage => ({ part: 'poll', item })),
  ];
  if (notices.length === 0 && decided.length > 0) return decided;
  return [...service, ...decided];
}
