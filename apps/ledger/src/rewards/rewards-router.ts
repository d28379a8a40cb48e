import {
  CreateRewardInput,
  Reward,
  RewardChange,
  RewardHistoryInput,
  UpdateRewardInput,
} from '@tally/domain/rewards';
import { z } from 'zod';
import { auditReadProcedure, officeProcedure, router } from '../trpc';
import { createReward } from './create-reward';
import { listRewards, rewardHistory } from './list-rewards';
import { updateReward } from './update-reward';

export const rewardsRouter = router({
  create: officeProcedure
    .meta({ summary: 'Adds a reward to the catalog.', errors: ['IDEMPOTENCY_CONFLICT'] })
    .input(CreateRewardInput)
    .output(Reward)
    .mutation(({ ctx, input }) =>
      createReward(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  update: officeProcedure
    .meta({
      summary:
        "Changes a reward's name, price, stock, limit or availability; the change is kept in its history.",
      errors: ['NOT_FOUND', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(UpdateRewardInput)
    .output(Reward)
    .mutation(({ ctx, input }) =>
      updateReward(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  list: auditReadProcedure
    .meta({ summary: 'The whole catalog with stock and availability.' })
    .output(z.array(Reward))
    .query(({ ctx }) => listRewards(ctx.db, ctx.staff.communityId)),

  history: auditReadProcedure
    .meta({ summary: "Every change to a reward's terms, oldest first.", errors: ['NOT_FOUND'] })
    .input(RewardHistoryInput)
    .output(z.array(RewardChange))
    .query(({ ctx, input }) =>
      rewardHistory(ctx.db, { communityId: ctx.staff.communityId, rewardId: input.id }),
    ),
});
