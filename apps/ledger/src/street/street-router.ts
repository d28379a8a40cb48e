import {
  CreateCommunityInput,
  Move,
  OpenCommunityInput,
  SetCommunityActiveInput,
  StreetCommunity,
  StreetInsights,
  StreetInsightsInput,
  StreetOverview,
  StreetVerify,
} from '@tally/domain/street';
import { z } from 'zod';
import { streetMoves } from '../moves/read-moves';
import { router, streetProcedure } from '../trpc';
import { createStreetCommunity, setCommunityActive } from './street-communities';
import { streetInsights } from './street-insights';
import { openCommunity, streetOverview } from './street-overview';
import { verifyStreet } from './verify-street';

// The street office (街道): every community of its street side by side, one of them open for
// reading at a time (its reports, journal, audit log and verify, through the same procedures
// the community's auditors use), and the communities themselves opened and closed. Never a
// write to a community's service, rewards or residents.

export const streetRouter = router({
  get: streetProcedure
    .meta({
      summary:
        'The street and its communities side by side (residents, participants in the last 365 days, points and time credit held, service awaiting review, last service), and the community this session reads now.',
      errors: [],
    })
    .output(StreetOverview)
    .query(({ ctx }) => streetOverview(ctx.db, ctx.staff)),

  open: streetProcedure
    .meta({
      summary:
        "Reads one community of the street from now on in this session: the reports, journal, audit log and verify then show that community's. Noted in its audit log.",
      errors: ['NOT_IN_STREET'],
    })
    .input(OpenCommunityInput)
    .output(StreetOverview)
    .mutation(({ ctx, input }) =>
      openCommunity(ctx.db, {
        staff: ctx.staff,
        origin: ctx.origin,
        communityId: input.communityId,
      }),
    ),

  createCommunity: streetProcedure
    .meta({
      summary:
        'Opens a new community in the street, with its accounts and its first office account (which must choose a new password when it first signs in).',
      errors: ['DUPLICATE', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(CreateCommunityInput)
    .output(StreetCommunity)
    .mutation(({ ctx, input }) =>
      createStreetCommunity(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  deactivateCommunity: streetProcedure
    .meta({
      summary:
        'Closes a community: its staff can no longer sign in and its kiosks and phones are refused; every record stays, and the street can still read it.',
      errors: ['NOT_IN_STREET', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(SetCommunityActiveInput)
    .output(StreetCommunity)
    .mutation(({ ctx, input }) =>
      setCommunityActive(ctx.db, { staff: ctx.staff, origin: ctx.origin, input, active: false }),
    ),

  reactivateCommunity: streetProcedure
    .meta({
      summary: 'Opens a closed community again.',
      errors: ['NOT_IN_STREET', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(SetCommunityActiveInput)
    .output(StreetCommunity)
    .mutation(({ ctx, input }) =>
      setCommunityActive(ctx.db, { staff: ctx.staff, origin: ctx.origin, input, active: true }),
    ),

  insights: streetProcedure
    .meta({
      summary:
        'Every community side by side, from each participation report: participation by age band, first and second steps, organizations fading, governance, points redeemed and the time bank (figures about fewer than five residents hidden as "<5").',
      errors: ['VALIDATION_FAILED'],
    })
    .input(StreetInsightsInput)
    .output(StreetInsights)
    .query(({ ctx, input }) => streetInsights(ctx.db, { staff: ctx.staff, input })),

  verify: streetProcedure
    .meta({
      summary:
        "Checks every community's ledger chain of the street: balanced, untampered, and where it breaks.",
      errors: [],
    })
    .output(StreetVerify)
    .query(({ ctx }) => verifyStreet(ctx.db, ctx.staff)),

  moves: streetProcedure
    .meta({
      summary: 'Residents moving house between the communities of the street, newest first.',
      errors: [],
    })
    .output(z.array(Move))
    .query(({ ctx }) => streetMoves(ctx.db, ctx.staff)),
});
