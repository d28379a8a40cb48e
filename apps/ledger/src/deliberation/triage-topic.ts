import type { Database } from '@tally/db/schema';
import type { TopicStatus, TriageTopicInput } from '@tally/domain/deliberation';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { StaffActor } from '../auth/actors';
import {
  lockTopic,
  onTopic,
  recordTopicEvent,
  requireStatus,
  runTopicChange,
  updateTopic,
} from './topic-rows';

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
  const { communityId } = staff;
  const { id, decision } = input;
  const reason = input.reason ?? null;
  return runTopicChange(
    db,
    {
      staff,
      origin,
      operation: operations[decision],
      input,
      allowed: ['raised'],
      doing: 'triaged',
    },
    async (trx) => {
      let status: TopicStatus;
      if (decision === 'accept') {
        status = 'accepted';
        await updateTopic(
          trx,
          { communityId, id },
          { status, planned_for: input.plannedFor ?? null },
        );
      } else if (decision === 'decline') {
        status = 'declined';
        await updateTopic(trx, { communityId, id }, { status, decline_reason: reason });
      } else {
        status = 'merged';
        const into = input.mergeInto ?? '';
        const target = await lockTopic(trx, { communityId, id: into });
        requireStatus(target, ['raised', 'accepted', 'consulted'], 'merged into');
        await updateTopic(trx, { communityId, id }, { status, merged_into: into });
        await moveSupporters(trx, { communityId, from: id, to: into });
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
      return { result: { id, status }, audit: onTopic(id) };
    },
  );
}

/** Supporters of a merged topic now support the one it joined (once each). */
async function moveSupporters(
  trx: Transaction<Database>,
  { communityId, from, to }: { communityId: string; from: string; to: string },
): Promise<void> {
  await trx
    .insertInto('topic_supports')
    .columns(['community_id', 'topic_id', 'resident_id', 'via', 'created_at'])
    .expression((eb) =>
      eb
        .selectFrom('topic_supports')
        .select([
          'community_id',
          sql<string>`${to}::uuid`.as('topic_id'),
          'resident_id',
          'via',
          'created_at',
        ])
        .where('community_id', '=', communityId)
        .where('topic_id', '=', from),
    )
    .onConflict((conflict) =>
      conflict.columns(['community_id', 'topic_id', 'resident_id']).doNothing(),
    )
    .execute();
}
