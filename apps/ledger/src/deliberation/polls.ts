import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import type { OpenPollInput, PollState } from '@tally/domain/deliberation';
import { DomainError } from '@tally/domain/errors';
import type { Kysely } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { runStaffWrite } from '../common/use-case';
import { runTopicChange } from './topic-rows';

/** Where a poll stands at `now`: before it opens, while it is open, after it closed. */
export function pollState(
  poll: { opens_at: Date; closes_at: Date; closed_early_at: Date | null },
  now: Date,
): PollState {
  if (poll.closed_early_at || poll.closes_at <= now) return 'closed';
  return poll.opens_at <= now ? 'open' : 'scheduled';
}

/**
 * The office opens a poll on a topic being worked on (accepted, consulted or decided): the
 * question and 2–6 options in either language, who may vote, when, and whether the ballot is
 * secret.
 */
export function openPoll(
  db: Kysely<Database>,
  { staff, origin, input }: { staff: StaffActor; origin: string; input: OpenPollInput },
): Promise<{ id: string }> {
  const { communityId } = staff;
  return runTopicChange(
    db,
    {
      staff,
      origin,
      operation: 'polls.open',
      input: { ...input, id: input.topicId },
      allowed: ['accepted', 'consulted', 'decided'],
      doing: 'put to a poll',
    },
    async (trx) => {
      const id = randomUUID();
      const eligibility = input.eligibility ?? { ageBands: [], buildings: [] };
      await trx
        .insertInto('polls')
        .values({
          community_id: communityId,
          id,
          topic_id: input.topicId,
          question_zh: input.question.zh,
          question_en: input.question.en,
          age_bands: eligibility.ageBands,
          buildings: eligibility.buildings,
          opens_at: input.opensAt,
          closes_at: input.closesAt,
          secret: input.secret,
          changeable: input.changeable,
          opened_by: staff.id,
        })
        .execute();
      await trx
        .insertInto('poll_options')
        .values(
          input.options.map((option, index) => ({
            community_id: communityId,
            poll_id: id,
            id: randomUUID(),
            position: index + 1,
            text_zh: option.zh,
            text_en: option.en,
          })),
        )
        .execute();
      return {
        result: { id },
        audit: { target: { type: 'poll', id }, details: { topicId: input.topicId } },
      };
    },
  );
}

/** The office closes a poll before its time (closing one already closed changes nothing). */
export function closePoll(
  db: Kysely<Database>,
  {
    staff,
    origin,
    input,
  }: { staff: StaffActor; origin: string; input: { idempotencyKey: string; id: string } },
): Promise<{ id: string; state: PollState }> {
  const { communityId } = staff;
  const { id } = input;
  return runStaffWrite(
    db,
    { staff, origin, operation: 'polls.close', key: input.idempotencyKey, request: { id } },
    async (trx) => {
      const poll = await trx
        .selectFrom('polls')
        .select(['opens_at', 'closes_at', 'closed_early_at'])
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!poll) throw new DomainError('NOT_FOUND', 'That poll could not be found.');
      if (pollState(poll, new Date()) === 'closed') {
        return { result: { id, state: 'closed' }, audit: null };
      }
      await trx
        .updateTable('polls')
        .set({ closed_early_at: new Date() })
        .where('community_id', '=', communityId)
        .where('id', '=', id)
        .execute();
      return { result: { id, state: 'closed' }, audit: { target: { type: 'poll', id } } };
    },
  );
}
