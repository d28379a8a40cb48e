import type { Database } from '@tally/db/schema';
import type { TopicStatus, TriageTopicInput } from '@tally/domain/deliberation';
import { DomainError } from '@tally/domain/errors';
import { type Kysely, sql } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { runStaffWrite } from '../common/use-case';
import { lockTopic, recordTopicEvent, requireStatus } from './topic-rows';

const operations = {
  accept: 'topics.accept',
  merge: 'topics.merge',
  decline: 'topics.decline',
} as const;

/**
 * The office triages a raised topic: accepts it for consultation (with the day it plans to
 * consult), merges it into another topic still open (its supporters move along), or declines
 * it with a reason the resident who raised it reads.
 */
export function triageTopic(
  db: Kysely<Database>,
  { staff, origin, input }: { staff: StaffActor; origin: string; input: TriageTopicInput },
): Promise<{ id: string; status: TopicStatus }> {
  const { idempotencyKey, ...request } = input;
  const { communityId } = staff;
  const { id, decision } = input;
  return runStaffWrite(
    db,
    { staff, origin, operation: operations[decision], key: idempotencyKey, request },
    async (trx) => {
      const topic = await lockTopic(trx, { communityId, id });
      requireStatus(topic, ['raised'], 'triaged');
      const reason = input.reason ?? null;
      let status: TopicStatus;
      if (decision === 'accept') {
        status = 'accepted';
        await trx
          .updateTable('topics')
          .set({ status, planned_for: input.plannedFor ?? null })
          .where('community_id', '=', communityId)
          .where('id', '=', id)
          .execute();
      } else if (decision === 'decline') {
        status = 'declined';
        await trx
          .updateTable('topics')
          .set({ status, decline_reason: reason })
          .where('community_id', '=', communityId)
          .where('id', '=', id)
          .execute();
      } else {
        status = 'merged';
        const into = input.mergeInto ?? '';
        const target = await lockTopic(trx, { communityId, id: into });
        if (!['raised', 'accepted', 'consulted'].includes(target.status)) {
          throw new DomainError(
            'TOPIC_NOT_OPEN',
            'A topic can only be merged into one still being worked on.',
          );
        }
        await trx
          .updateTable('topics')
          .set({ status, merged_into: into })
          .where('community_id', '=', communityId)
          .where('id', '=', id)
          .execute();
        // Supporters of the merged topic now support the one it joined (once each).
        await trx
          .insertInto('topic_supports')
          .columns(['community_id', 'topic_id', 'resident_id', 'via', 'created_at'])
          .expression((eb) =>
            eb
              .selectFrom('topic_supports')
              .select([
                'community_id',
                sql<string>`${into}::uuid`.as('topic_id'),
                'resident_id',
                'via',
                'created_at',
              ])
              .where('community_id', '=', communityId)
              .where('topic_id', '=', id),
          )
          .onConflict((conflict) =>
            conflict.columns(['community_id', 'topic_id', 'resident_id']).doNothing(),
          )
          .execute();
      }
      await recordTopicEvent(trx, {
        communityId,
        topicId: id,
        kind: status === 'accepted' ? 'accepted' : status === 'declined' ? 'declined' : 'merged',
        byStaff: staff.id,
        note:
          decision === 'accept' && input.plannedFor
            ? [input.plannedFor, reason].filter(Boolean).join(' · ')
            : reason,
      });
      return { result: { id, status }, audit: { target: { type: 'topic', id } } };
    },
  );
}
