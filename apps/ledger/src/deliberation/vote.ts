import type { Database } from '@tally/db/schema';
import { isInvited } from '@tally/domain/activity-rules';
import type { VoteInput, VoteOutput } from '@tally/domain/deliberation';
import { DomainError } from '@tally/domain/errors';
import { type Kysely, sql } from 'kysely';
import type { ResidentSession } from '../auth/actors';
import { runResidentWrite } from '../common/use-case';
import { pollState } from './polls';

/**
 * A resident votes, at the kiosk or on the phone: once per poll, while it is open, if they are
 * in the group it asks. An open ballot may let them change their vote until the close.
 *
 * A secret ballot keeps nothing that joins the voter to the choice: the voter is listed in
 * `poll_voters` with no option; the choice only adds to the counts, and every option of the
 * poll is rewritten in the same statement (1 added to the chosen, 0 to the others) so no
 * option's row version points at this vote. The request kept for replays and the audit entry
 * leave the option out, and the answer does not repeat it.
 */
export async function castVote(
  db: Kysely<Database>,
  { session, origin, input }: { session: ResidentSession; origin: string; input: VoteInput },
): Promise<VoteOutput> {
  const { communityId, residentId } = session;
  const { pollId, optionId } = input;
  const via = session.phone ? 'phone' : 'kiosk';
  // Whether the ballot is secret decides what the request kept for replays may say.
  const ballot = await db
    .selectFrom('polls')
    .select(['secret'])
    .where('community_id', '=', communityId)
    .where('id', '=', pollId)
    .executeTakeFirst();
  if (!ballot) throw new DomainError('NOT_FOUND', 'That poll could not be found.');
  return runResidentWrite(
    db,
    {
      session,
      origin,
      operation: session.phone ? 'me.vote' : 'kiosk.vote',
      key: input.idempotencyKey,
      request: ballot.secret ? { pollId } : { pollId, optionId },
    },
    async (trx) => {
      // Held (shared) while the vote is written: closing the poll waits for votes in flight.
      const poll = await trx
        .selectFrom('polls')
        .select([
          'secret',
          'changeable',
          'opens_at',
          'closes_at',
          'closed_early_at',
          'age_bands',
          'buildings',
        ])
        .select(
          sql<number>`extract(year from opens_at at time zone (select time_zone from communities where id = ${communityId}))::int`.as(
            'year',
          ),
        )
        .where('community_id', '=', communityId)
        .where('id', '=', pollId)
        .forShare()
        .executeTakeFirstOrThrow();
      const now = new Date();
      const state = pollState(poll, now);
      if (state !== 'open') {
        throw new DomainError(
          'POLL_CLOSED',
          state === 'scheduled' ? 'This poll has not opened yet.' : 'This poll has closed.',
          { state },
        );
      }
      const option = await trx
        .selectFrom('poll_options')
        .select('id')
        .where('community_id', '=', communityId)
        .where('poll_id', '=', pollId)
        .where('id', '=', optionId)
        .executeTakeFirst();
      if (!option) throw new DomainError('NOT_FOUND', 'That is not one of this poll’s options.');
      const resident = await trx
        .selectFrom('residents')
        .select(['birth_year', 'building'])
        .where('community_id', '=', communityId)
        .where('id', '=', residentId)
        .executeTakeFirstOrThrow();
      const group =
        poll.age_bands.length + poll.buildings.length > 0
          ? { ageBands: poll.age_bands, buildings: poll.buildings }
          : null;
      if (
        !isInvited(
          group,
          { birthYear: resident.birth_year, building: resident.building },
          poll.year,
        )
      ) {
        throw new DomainError('NOT_ELIGIBLE');
      }
      const inserted = await trx
        .insertInto('poll_voters')
        .values({
          community_id: communityId,
          poll_id: pollId,
          resident_id: residentId,
          secret: poll.secret,
          option_id: poll.secret ? null : optionId,
          via,
        })
        .onConflict((conflict) =>
          conflict.columns(['community_id', 'poll_id', 'resident_id']).doNothing(),
        )
        .returning(['voted_at'])
        .executeTakeFirst();
      let changed = false;
      let votedAt = inserted?.voted_at;
      if (!inserted) {
        // Voted before: an open ballot that allows it takes the new choice instead.
        if (poll.secret || !poll.changeable) throw new DomainError('ALREADY_VOTED');
        const before = await trx
          .selectFrom('poll_voters')
          .select('option_id')
          .where('community_id', '=', communityId)
          .where('poll_id', '=', pollId)
          .where('resident_id', '=', residentId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (before.option_id === optionId) {
          throw new DomainError('ALREADY_VOTED', 'You have already chosen this option.');
        }
        const moved = await trx
          .updateTable('poll_voters')
          .set({ option_id: optionId, voted_at: now })
          .where('community_id', '=', communityId)
          .where('poll_id', '=', pollId)
          .where('resident_id', '=', residentId)
          .returning('voted_at')
          .executeTakeFirstOrThrow();
        votedAt = moved.voted_at;
        await trx
          .updateTable('poll_options')
          .set({
            votes: sql`votes + (case when id = ${optionId} then 1 when id = ${before.option_id} then -1 else 0 end)`,
          })
          .where('community_id', '=', communityId)
          .where('poll_id', '=', pollId)
          .execute();
        changed = true;
      } else {
        await trx
          .updateTable('poll_options')
          .set({ votes: sql`votes + (id = ${optionId})::int` })
          .where('community_id', '=', communityId)
          .where('poll_id', '=', pollId)
          .execute();
      }
      return {
        result: {
          pollId,
          votedAt: (votedAt ?? now).toISOString(),
          optionId: poll.secret ? null : optionId,
          changed,
        },
        audit: { target: { type: 'poll', id: pollId }, details: changed ? { changed } : {} },
      };
    },
  );
}
