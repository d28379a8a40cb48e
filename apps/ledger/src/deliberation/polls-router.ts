import {
  ClosePollInput,
  OpenPollInput,
  PollResults,
  PollResultsInput,
  PollState,
} from '@tally/domain/deliberation';
import { z } from 'zod';
import { officeProcedure, router, staffProcedure } from '../trpc';
import { closePoll, openPoll } from './polls';
import { pollResults } from './read-polls';

/** Polls on topics (issue 15): residents vote at the kiosk (`kiosk.vote`) or on the phone (`me.vote`). */
export const pollsRouter = router({
  open: officeProcedure
    .meta({
      summary:
        'Opens a poll on a topic being worked on: question and 2–6 options (zh/en), who may vote (`eligibility`: age bands, buildings), open and close times, secret or open ballot, and (open ballot only) whether a vote may be changed until the close.',
      errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'TOPIC_NOT_OPEN', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(OpenPollInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) =>
      openPoll(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  close: officeProcedure
    .meta({
      summary: 'Closes a poll before its time; closing a closed poll changes nothing.',
      errors: ['NOT_FOUND', 'IDEMPOTENCY_CONFLICT'],
    })
    .input(ClosePollInput)
    .output(z.object({ id: z.string(), state: PollState }))
    .mutation(({ ctx, input }) =>
      closePoll(ctx.db, { staff: ctx.staff, origin: ctx.origin, input }),
    ),

  results: staffProcedure
    .meta({
      summary:
        'A poll and its turnout; counts per option and turnout by age band and building (cells under five residents as "<5") only once it has closed.',
      errors: ['NOT_FOUND'],
    })
    .input(PollResultsInput)
    .output(PollResults)
    .query(({ ctx, input }) =>
      pollResults(ctx.db, { communityId: ctx.staff.communityId, id: input.id }),
    ),
});
