import {
  MotivationReport,
  OrganizationsReport,
  ReportInput,
  StructureReport,
  WillingnessReport,
} from '@tally/domain/reports';
import { auditReadProcedure, router } from '../trpc';
import { motivationReport } from './motivation-report';
import { organizationsReport } from './organizations-report';
import { structureReport } from './structure-report';
import { willingnessReport } from './willingness-report';

// Every report takes a period (community calendar days; default the last 365 days) and an
// optional organization, and hides any figure about fewer than five residents as "<5".
// Each is also a spreadsheet: GET /reports/<name>.csv with the same query.

const errors = ['VALIDATION_FAILED', 'NOT_FOUND'] as const;

export const reportsRouter = router({
  structure: auditReadProcedure
    .meta({
      summary:
        'Who takes part: residents and participants (period, last 30/90/365 days) by age band ' +
        'and building with rates, new participants per month, returning participants, the share ' +
        'of hours given by the top 10%, and the most under-represented groups.',
      errors: [...errors],
    })
    .input(ReportInput)
    .output(StructureReport)
    .query(({ ctx, input }) =>
      structureReport(ctx.db, { communityId: ctx.staff.communityId, input }),
    ),

  willingness: auditReadProcedure
    .meta({
      summary:
        'The first step: residents → served once → served again within 90 days, the first ' +
        'steps taken in the period, and the median days from card issue to first service.',
      errors: [...errors],
    })
    .input(ReportInput)
    .output(WillingnessReport)
    .query(({ ctx, input }) =>
      willingnessReport(ctx.db, { communityId: ctx.staff.communityId, input }),
    ),

  motivation: auditReadProcedure
    .meta({
      summary:
        'What the points are for: shares of points earned that were redeemed, donated or held; ' +
        'non-material redemptions; residents serving without redeeming; participation vs ' +
        'service hours.',
      errors: [...errors],
    })
    .input(ReportInput)
    .output(MotivationReport)
    .query(({ ctx, input }) =>
      motivationReport(ctx.db, { communityId: ctx.staff.communityId, input }),
    ),

  organizations: auditReadProcedure
    .meta({
      summary:
        'Each organization: members, active and new members, hours with their monthly trend, ' +
        'and days since its leader last logged service.',
      errors: [...errors],
    })
    .input(ReportInput)
    .output(OrganizationsReport)
    .query(({ ctx, input }) =>
      organizationsReport(ctx.db, { communityId: ctx.staff.communityId, input }),
    ),
});
