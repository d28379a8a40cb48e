import { pageOf } from '@tally/domain/pagination';
import {
  CancelRedemptionInput,
  FulfilRedemptionInput,
  ListRedemptionsInput,
  Redemption,
} from '@tally/domain/redemptions';
import { auditReadProcedure, officeProcedure, router } from '../trpc';
import { cancelRedemption } from './cancel-redemption';
import { fulfilRedemption } from './fulfil-redemption';
import { listRedemptions } from './list-redemptions';

export const redemptionsRouter = router({
  list: auditReadProcedure
    .meta({
      summary: 'Redemptions, newest first, by status, resident or pickup code.',
      errors: ['VALIDATION_FAILED'],
    })
    .input(ListRedemptionsInput)
    .output(pageOf(Redemption))
    .query(({ ctx, input }) =>
      listRedemptions(ctx.db, { ...input, communityId: ctx.staff.communityId }),
    ),

  fulfil: officeProcedure
    .meta({
      summary: 'Marks an issued redemption as handed out.',
      errors: ['NOT_FOUND', 'REDEMPTION_CLOSED', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(FulfilRedemptionInput)
    .output(Redemption)
    .mutation(({ ctx, input }) =>
      fulfilRedemption(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  cancel: officeProcedure
    .meta({
      summary: 'Cancels an issued redemption: reverses its points and restores the stock.',
      errors: ['NOT_FOUND', 'REDEMPTION_CLOSED', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(CancelRedemptionInput)
    .output(Redemption)
    .mutation(({ ctx, input }) =>
      cancelRedemption(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),
});
