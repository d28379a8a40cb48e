import { GovernanceBoard } from '@tally/domain/deliberation';
import {
  NoticeBoard,
  NoticeListInput,
  NoticeSettings,
  SetNoticeDaysInput,
} from '@tally/domain/notices';
import { governanceBoard } from '../deliberation/read-topics';
import { officeProcedure, router, staffProcedure } from '../trpc';
import { noticeBoard } from './notice-board';
import { noticeSettings, setNoticeDays } from './notice-settings';

export const noticesRouter = router({
  list: staffProcedure
    .meta({
      summary:
        'The public notice board: service approved within the notice period (default 7 days), ' +
        'newest first, with display names only of residents who agreed to be named.',
      errors: ['VALIDATION_FAILED'],
    })
    .input(NoticeListInput)
    .output(NoticeBoard)
    .query(({ ctx, input }) =>
      noticeBoard(ctx.db, { communityId: ctx.staff.communityId, ...input }),
    ),

  governance: staffProcedure
    .meta({
      summary:
        "The notice board's deliberation (issue 15): decisions of the last year with their progress (overdue ones flagged), and results of polls closed in the last 90 days.",
    })
    .output(GovernanceBoard)
    .query(({ ctx }) => governanceBoard(ctx.db, ctx.staff.communityId)),

  settings: staffProcedure
    .meta({ summary: 'How many days approved service stays on the notice board.' })
    .output(NoticeSettings)
    .query(({ ctx }) => noticeSettings(ctx.db, ctx.staff.communityId)),

  setPeriod: officeProcedure
    .meta({
      summary: 'Sets the notice period (1–90 days) for the notice board.',
      errors: ['VALIDATION_FAILED', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(SetNoticeDaysInput)
    .output(NoticeSettings)
    .mutation(({ ctx, input }) =>
      setNoticeDays(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),
});
