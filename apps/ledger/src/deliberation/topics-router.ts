import {
  GetTopicInput,
  LinkMeetingInput,
  ListTopicsInput,
  RaiseTopicInput,
  RecordDecisionInput,
  ReportProgressInput,
  SupportTopicInput,
  SupportTopicOutput,
  Topic,
  TopicPage,
  TopicStatus,
  TriageTopicInput,
} from '@tally/domain/deliberation';
import { z } from 'zod';
import {
  anyResidentProcedure,
  leaderOrOfficeProcedure,
  officeProcedure,
  router,
  staffProcedure,
} from '../trpc';
import { raiseTopic, supportTopic } from './raise-topic';
import { getTopic, listTopics } from './read-topics';
import { linkMeeting, recordDecision, reportProgress } from './topic-follow-up';
import { triageTopic } from './triage-topic';

const Changed = z.object({ id: z.string(), status: TopicStatus });

/** Community deliberation (议事协商, issue 15): topics from raising to carrying out. */
export const topicsRouter = router({
  raise: leaderOrOfficeProcedure
    .meta({
      summary:
        'The office or a leader raises a topic: title, what and why, where, its kind; typed for a resident who brought it (`onBehalfOf`) if one did.',
      errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(RaiseTopicInput)
    .output(z.object({ id: z.string(), status: z.literal('raised') }))
    .mutation(({ ctx, input }) =>
      raiseTopic(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  support: anyResidentProcedure
    .meta({
      summary:
        'A resident supports a topic still being worked on, at the kiosk or on the phone: once each (a second support answers `added: false`).',
      errors: [
        'NOT_FOUND',
        'TOPIC_NOT_OPEN',
        'NOT_A_PROXY',
        'SESSION_EXPIRED',
        'IDEMPOTENCY_CONFLICT',
      ],
    })
    .input(SupportTopicInput)
    .output(SupportTopicOutput)
    .mutation(({ ctx, input }) =>
      supportTopic(ctx.db, { session: ctx.resident, origin: ctx.origin, input }),
    ),

  list: staffProcedure
    .meta({
      summary:
        "The community's topics, newest first, with supporters, stage and whether a decided one is overdue; by `status`, or only `overdue` ones.",
      errors: ['VALIDATION_FAILED'],
    })
    .input(ListTopicsInput)
    .output(TopicPage)
    .query(({ ctx, input }) => listTopics(ctx.db, { communityId: ctx.staff.communityId, input })),

  get: staffProcedure
    .meta({
      summary:
        'One topic with its whole history (who, when, why), its consultation meetings, polls, decision and progress.',
      errors: ['NOT_FOUND'],
    })
    .input(GetTopicInput)
    .output(Topic)
    .query(({ ctx, input }) =>
      getTopic(ctx.db, { communityId: ctx.staff.communityId, id: input.id }),
    ),

  triage: officeProcedure
    .meta({
      summary:
        'The office triages a raised topic: `accept` (with `plannedFor`), `merge` into another open topic (its supporters move), or `decline` with a `reason` the raiser reads.',
      errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'TOPIC_NOT_OPEN', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(TriageTopicInput)
    .output(Changed)
    .mutation(({ ctx, input }) =>
      triageTopic(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  linkMeeting: officeProcedure
    .meta({
      summary:
        'Links a consultation meeting (an activity of category community affairs) to an accepted topic; closing the meeting makes the topic consulted.',
      errors: [
        'VALIDATION_FAILED',
        'NOT_FOUND',
        'TOPIC_NOT_OPEN',
        'ACTIVITY_NOT_OPEN',
        'IDEMPOTENCY_CONFLICT',
      ],
    })
    .input(LinkMeetingInput)
    .output(Changed)
    .mutation(({ ctx, input }) =>
      linkMeeting(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  recordDecision: officeProcedure
    .meta({
      summary:
        'Records the decision on an accepted or consulted topic: what, who is responsible, by when, and the minutes (views and who put them, never how a named person voted).',
      errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'TOPIC_NOT_OPEN', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(RecordDecisionInput)
    .output(Changed)
    .mutation(({ ctx, input }) =>
      recordDecision(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  reportProgress: officeProcedure
    .meta({
      summary:
        'Reports progress on a decided topic, in public (the notice board, the phone); `done: true` marks it carried out.',
      errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'TOPIC_NOT_OPEN', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(ReportProgressInput)
    .output(Changed)
    .mutation(({ ctx, input }) =>
      reportProgress(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),
});
