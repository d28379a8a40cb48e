import {
  MyCorrection,
  MyCorrectionsInput,
  MyServiceRecord,
  RecentActivities,
  RequestCorrectionInput,
} from '@tally/domain/corrections';
import { NoticeBoard, NoticeListInput } from '@tally/domain/notices';
import { pageOf } from '@tally/domain/pagination';
import { noticeBoard } from '../notices/notice-board';
import { kioskProcedure, residentProcedure } from '../trpc';
import { myCorrections } from './list-corrections';
import { myServiceRecords } from './my-service-records';
import { recentActivities } from './recent-activities';
import { requestCorrection } from './request-correction';

/**
 * The kiosk's side of public notice and correction, merged into the `kiosk` router: the notice
 * board for everyone at the kiosk, and for an identified resident their own records, their
 * correction requests and a way to raise one.
 */
export const kioskTrustProcedures = {
  notices: kioskProcedure
    .meta({
      summary:
        'The public notice board: recently approved service (display names only of residents ' +
        'who agreed to be named; others as "A resident").',
      errors: ['VALIDATION_FAILED'],
    })
    .input(NoticeListInput)
    .output(NoticeBoard)
    .query(({ ctx, input }) =>
      noticeBoard(ctx.db, { communityId: ctx.kiosk.communityId, ...input }),
    ),

  myRecords: residentProcedure
    .meta({
      summary: "The resident's own service records, latest first, saying which they may dispute.",
      errors: ['VALIDATION_FAILED'],
    })
    .input(MyCorrectionsInput)
    .output(pageOf(MyServiceRecord))
    .query(({ ctx, input }) => myServiceRecords(ctx.db, { session: ctx.resident, ...input })),

  recentActivities: residentProcedure
    .meta({
      summary:
        "The community's sign-in sheets of the last 60 days (organization, activity, day; no " +
        "names), the resident's own organizations first: to name a missing record by taps.",
    })
    .output(RecentActivities)
    .query(({ ctx }) => recentActivities(ctx.db, { session: ctx.resident })),

  requestCorrection: residentProcedure
    .meta({
      summary:
        'The resident asks the office to correct the hours of one of their approved records ' +
        '(with a short reason), or to add a missing one (its organization, day and activity, ' +
        'picked from recent sign-in sheets; the reason then optional).',
      errors: [
        'NOT_FOUND',
        'NOT_CORRECTABLE',
        'DUPLICATE',
        'VALIDATION_FAILED',
        'IDEMPOTENCY_CONFLICT',
      ],
    })
    .input(RequestCorrectionInput)
    .output(MyCorrection)
    .mutation(({ ctx, input }) =>
      requestCorrection(ctx.db, { session: ctx.resident, origin: ctx.origin, input }),
    ),

  myCorrections: residentProcedure
    .meta({
      summary: "The resident's correction requests with their status and the office's reason.",
      errors: ['VALIDATION_FAILED'],
    })
    .input(MyCorrectionsInput)
    .output(pageOf(MyCorrection))
    .query(({ ctx, input }) => myCorrections(ctx.db, { session: ctx.resident, ...input })),
};
