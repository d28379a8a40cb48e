import { pageOf } from '@tally/domain/pagination';
import {
  ListServiceInput,
  LogServiceInput,
  LogServiceResult,
  ReviewServiceInput,
  ReviewServiceResult,
  ServiceRecord,
} from '@tally/domain/service';
import { leaderOrOfficeProcedure, officeProcedure, router, staffProcedure } from '../trpc';
import { listServiceRecords } from './list-service-records';
import { logService } from './log-service';
import { reviewService } from './review-service';

export const serviceRouter = router({
  log: leaderOrOfficeProcedure
    .meta({
      summary:
        "Logs an activity's sign-in sheet: one pending record per resident (leaders: for " +
        'organizations they lead; every resident must be a member).',
      errors: ['NOT_FOUND', 'NOT_A_MEMBER', 'FORBIDDEN', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(LogServiceInput)
    .output(LogServiceResult)
    .mutation(({ ctx, input }) =>
      logService(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  list: staffProcedure
    .meta({
      summary:
        'Service records, most recently logged first, with names, review outcome, credit and ' +
        "the reviewer's flags (leaders: their organizations only).",
      errors: ['FORBIDDEN', 'VALIDATION_FAILED'],
    })
    .input(ListServiceInput)
    .output(pageOf(ServiceRecord))
    .query(({ ctx, input }) => listServiceRecords(ctx.db, { staff: ctx.staff, filter: input })),

  review: officeProcedure
    .meta({
      summary:
        'Approves (crediting minutes and points under the rule in force) or rejects (with a ' +
        'reason) pending records, all or none; never records the reviewer logged, nor records ' +
        "logged by an account linked to the reviewer's until a second office member confirms it.",
      errors: [
        'NOT_FOUND',
        'SELF_APPROVAL',
        'SECOND_REVIEWER_NEEDED',
        'ALREADY_REVIEWED',
        'VALIDATION_FAILED',
        'IDEMPOTENCY_CONFLICT',
      ],
    })
    .input(ReviewServiceInput)
    .output(ReviewServiceResult)
    .mutation(({ ctx, input }) =>
      reviewService(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),
});
