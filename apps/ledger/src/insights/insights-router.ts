import { Dashboard } from '@tally/domain/insights';
import { auditReadProcedure, router } from '../trpc';
import { communityDashboard } from './community-dashboard';

export const insightsRouter = router({
  dashboard: auditReadProcedure
    .meta({
      summary:
        "This month's approved minutes, participants and first-timers, approvals waiting, rewards running low, and minutes by day (last 30 days) and by category.",
      errors: [],
    })
    .output(Dashboard)
    .query(({ ctx }) =>
      communityDashboard(ctx.db, { communityId: ctx.staff.communityId, now: new Date() }),
    ),
});
