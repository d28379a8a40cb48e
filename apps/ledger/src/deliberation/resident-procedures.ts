import {
  GovernanceBoard,
  KioskRaiseTopicInput,
  MeRaiseTopicInput,
  ResidentPolls,
  ResidentTopics,
  ResidentTopicsInput,
  VoteInput,
  VoteOutput,
} from '@tally/domain/deliberation';
import { z } from 'zod';
import { kioskProcedure, phoneProcedure, phoneResidentProcedure, residentProcedure } from '../trpc';
import { raiseTopicAsResident } from './raise-topic';
import { residentPolls } from './read-polls';
import { governanceBoard, residentTopics, topicPlaces } from './read-topics';
import { castVote } from './vote';

const Raised = z.object({ id: z.string(), status: z.literal('raised') });
const voteErrors = [
  'NOT_FOUND',
  'POLL_CLOSED',
  'NOT_ELIGIBLE',
  'ALREADY_VOTED',
  'IDEMPOTENCY_CONFLICT',
] as const;

/** Deliberation at the kiosk, merged into the `kiosk` router (issue 15). */
export const kioskDeliberationProcedures = {
  topicPlaces: residentProcedure
    .meta({ summary: "The community's buildings, to say where a topic is by a tap." })
    .output(z.array(z.string()))
    .query(({ ctx }) => topicPlaces(ctx.db, ctx.resident.communityId)),

  raiseTopic: residentProcedure
    .meta({
      summary:
        'The resident raises a topic by taps: its kind and, if they like, where (a building or place). The resident supports what they raise.',
      errors: ['VALIDATION_FAILED', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(KioskRaiseTopicInput)
    .output(Raised)
    .mutation(({ ctx, input }) =>
      raiseTopicAsResident(ctx.db, { session: ctx.resident, origin: ctx.origin, input }),
    ),

  topics: residentProcedure
    .meta({
      summary:
        "Topics as residents see them: `open` (to support, most supported first), `decided` (decisions and progress) or `mine` (what this resident raised, with the office's reason if declined).",
    })
    .input(ResidentTopicsInput)
    .output(ResidentTopics)
    .query(async ({ ctx, input }) => ({
      items: await residentTopics(ctx.db, { ...ctx.resident, view: input.view }),
    })),

  polls: residentProcedure
    .meta({
      summary:
        'Polls open now or closed in the last 30 days, each with whether this resident may vote and has voted.',
    })
    .output(ResidentPolls)
    .query(async ({ ctx }) => ({ items: await residentPolls(ctx.db, ctx.resident) })),

  vote: residentProcedure
    .meta({
      summary:
        'Casts the resident’s vote: one per poll, while it is open, if they are in the group it asks (a secret ballot keeps nothing that joins them to their choice).',
      errors: [...voteErrors],
    })
    .input(VoteInput)
    .output(VoteOutput)
    .mutation(({ ctx, input }) =>
      castVote(ctx.db, { session: ctx.resident, origin: ctx.origin, input }),
    ),

  // The public board, like `kiosk.notices`: the idle screen shows it with nobody signed in.
  governance: kioskProcedure
    .meta({
      summary: 'The notice board’s deliberation: decisions with their progress, and poll results.',
    })
    .output(GovernanceBoard)
    .query(({ ctx }) => governanceBoard(ctx.db, ctx.kiosk.communityId)),
};

/** Deliberation on the phone, merged into the `me` router (issue 15). */
export const meDeliberationProcedures = {
  topicPlaces: phoneProcedure
    .meta({ summary: "The community's buildings, to say where a topic is by a tap." })
    .output(z.array(z.string()))
    .query(({ ctx }) => topicPlaces(ctx.db, ctx.phone.communityId)),

  raiseTopic: phoneResidentProcedure
    .meta({
      summary:
        'The resident (or a proxy for them) raises a topic: its kind, and a title, text and place if they like. The resident supports what they raise.',
      errors: ['VALIDATION_FAILED', 'NOT_A_PROXY', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(MeRaiseTopicInput)
    .output(Raised)
    .mutation(({ ctx, input }) =>
      raiseTopicAsResident(ctx.db, { session: ctx.resident, origin: ctx.origin, input }),
    ),

  topics: phoneResidentProcedure
    .meta({
      summary:
        "Topics as residents see them: `open` (to support), `decided` (decisions and progress) or `mine` (raised by this resident, with the office's reason if declined).",
      errors: ['NOT_A_PROXY'],
    })
    .input(ResidentTopicsInput)
    .output(ResidentTopics)
    .query(async ({ ctx, input }) => ({
      items: await residentTopics(ctx.db, { ...ctx.resident, view: input.view }),
    })),

  polls: phoneResidentProcedure
    .meta({
      summary:
        'Polls open now or closed in the last 30 days, each with whether this resident may vote and has voted.',
      errors: ['NOT_A_PROXY'],
    })
    .output(ResidentPolls)
    .query(async ({ ctx }) => ({ items: await residentPolls(ctx.db, ctx.resident) })),

  vote: phoneResidentProcedure
    .meta({
      summary:
        'Casts the resident’s vote (a proxy votes for the resident they act for, audited as theirs): one per poll, while it is open, if they are in the group it asks.',
      errors: ['NOT_A_PROXY', ...voteErrors],
    })
    .input(VoteInput)
    .output(VoteOutput)
    .mutation(({ ctx, input }) =>
      castVote(ctx.db, { session: ctx.resident, origin: ctx.origin, input }),
    ),

  governance: phoneProcedure
    .meta({
      summary: 'The notice board’s deliberation: decisions with their progress, and poll results.',
    })
    .output(GovernanceBoard)
    .query(({ ctx }) => governanceBoard(ctx.db, ctx.phone.communityId)),
};
