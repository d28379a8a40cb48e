import { Community, UpdateCommunityInput } from '@tally/domain/communities';
import { officeProcedure, router, staffProcedure } from '../trpc';
import { getCommunity, renameCommunity } from './community-settings';

export const communityRouter = router({
  get: staffProcedure
    .meta({ summary: "The staff member's community: its name in each language, its time zone." })
    .output(Community)
    .query(({ ctx }) => getCommunity(ctx.db, ctx.staff.communityId)),

  update: officeProcedure
    .meta({
      summary: 'Renames the community, in each language (the name its member cards print).',
      errors: ['IDEMPOTENCY_CONFLICT'],
    })
    .input(UpdateCommunityInput)
    .output(Community)
    .mutation(({ ctx, input }) =>
      renameCommunity(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),
});
