import { Dashboard, Freshness, Poster, PosterInput } from '@tally/domain/insights';
import {
  CampaignEffect,
  CampaignEffectInput,
  MotivationReport,
  OrganizationsReport,
  ReportInput,
  StructureReport,
  WillingnessReport,
} from '@tally/domain/reports';
import { campaignEffect } from '../reports/campaign-effect';
import { motivationReport } from '../reports/motivation-report';
import { organizationsReport } from '../reports/organizations-report';
import { structureReport } from '../reports/structure-report';
import { willingnessReport } from '../reports/willingness-report';
import { auditReadProcedure, router, staffProcedure } from '../trpc';
import { communityDashboard } from './community-dashboard';
import { communityPoster } from './community-poster';
import { readFreshness } from './freshness';

// The office's figures. The four participation reports (structure, willingness, motivation,
// organizations) each take a period (community calendar days; default the last 365 days) and an
// optional organization, and hide any figure about fewer than five residents as "<5". Each is
// also a spreadsheet: GET /reports/<name>.csv with the same query. Every figure here is read
// where heavy reads go (ctx.readDb: a replica when there is one), a moment behind the primary.

const errors = ['VALIDATION_FAILED', 'NOT_FOUND'] as const;

export const insightsRouter = router({
  dashboard: auditReadProcedure
    .meta({
      summary:
        "This month's approved minutes, participants and first-timers, approvals waiting, rewards running low, and minutes by day (last 30 days) and by category.",
      errors: [],
    })
    .output(Dashboard)
    .query(({ ctx }) =>
      communityDashboard(ctx.readDb, { communityId: ctx.staff.communityId, now: new Date() }),
    ),

  poster: auditReadProcedure
    .meta({
      summary:
        'The monthly community poster (default last month): hours given, participants and ' +
        'first-timers, organizations and categories, points given to goals, goals funded, and ' +
        'thanks to the volunteers who agreed to be named.',
      errors: ['VALIDATION_FAILED'],
    })
    .input(PosterInput)
    .output(Poster)
    .query(({ ctx, input }) =>
      communityPoster(ctx.readDb, { communityId: ctx.staff.communityId, input }),
    ),

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
      structureReport(ctx.readDb, { communityId: ctx.staff.communityId, input }),
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
      willingnessReport(ctx.readDb, { communityId: ctx.staff.communityId, input }),
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
      motivationReport(ctx.readDb, { communityId: ctx.staff.communityId, input }),
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
      organizationsReport(ctx.readDb, { communityId: ctx.staff.communityId, input }),
    ),

  campaignEffect: auditReadProcedure
    .meta({
      summary:
        "A campaign's effect: its group's residents, participants, participation rate and " +
        'hours over the campaign so far beside as many days just before it, and everyone ' +
        'else\'s over the same days (figures about fewer than five residents hidden as "<5").',
      errors: ['VALIDATION_FAILED'],
    })
    .input(CampaignEffectInput)
    .output(CampaignEffect)
    .query(({ ctx, input }) =>
      campaignEffect(ctx.readDb, { communityId: ctx.staff.communityId, input }),
    ),

  freshness: staffProcedure
    .meta({
      summary:
        'How far behind the primary the figures are: reports, exports and journal pages come ' +
        'from a read replica when the service has one. lagSeconds is 0 when the replica has ' +
        'everything the primary had written, null when it cannot tell yet; replica is false ' +
        'when every read goes to the primary.',
      errors: [],
    })
    .output(Freshness)
    .query(({ ctx }) => readFreshness({ db: ctx.db, readDb: ctx.readDb })),
});
