import type { Database } from '@tally/db/schema';
import type {
  LinkMeetingInput,
  RecordDecisionInput,
  ReportProgressInput,
  TopicStatus,
} from '@tally/domain/deliberation';
import { DomainError } from '@tally/domain/errors';
import { inLanguage } from '@tally/domain/localized-text';
import type { Kysely, Transaction } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { onTopic, recordTopicEvent, runTopicChange, updateTopic } from './topic-rows';

type Changed = { id: string; status: TopicStatus };

/**
 * Links a consultation meeting to an accepted topic: an activity of category community affairs
 * (published, or still a draft). When the meeting closes, the topic is consulted.
 */
export function linkMeeting(
  db: Kysely<Database>,
  { staff, origin, input }: { staff: StaffActor; origin: string; input: LinkMeetingInput },
): Promise<Changed> {
  const { communityId } = staff;
  const { id, activityId } = input;
  return runTopicChange(
    db,
    {
      staff,
      origin,
      operation: 'topics.linkMeeting',
      input,
      allowed: ['accepted', 'consulted'],
      doing: 'given a meeting',
    },
    async (trx, topic) => {
      const status = topic.status as TopicStatus;
      const activity = await trx
        .selectFrom('activities')
        .select(['category', 'status', 'title_zh', 'title_en'])
        .where('community_id', '=', communityId)
        .where('id', '=', activityId)
        .executeTakeFirst();
      if (!activity) throw new DomainError('NOT_FOUND', 'That activity could not be found.');
      if (activity.category !== 'community_affairs') {
        throw new DomainError(
          'VALIDATION_FAILED',
          'activityId: a consultation meeting is an activity of category community affairs',
        );
      }
      if (activity.status === 'cancelled') {
        throw new DomainError('ACTIVITY_NOT_OPEN', 'That meeting was cancelled.');
      }
      const linked = await trx
        .insertInto('topic_meetings')
        .values({ community_id: communityId, topic_id: id, activity_id: activityId })
        .onConflict((conflict) =>
          conflict.columns(['community_id', 'topic_id', 'activity_id']).doNothing(),
        )
        .executeTakeFirst();
      if (Number(linked.numInsertedOrUpdatedRows ?? 0) === 0) {
        return { result: { id, status }, audit: null };
      }
      await recordTopicEvent(trx, {
        communityId,
        topicId: id,
        kind: 'meeting_linked',
        byStaff: staff.id,
        note: inLanguage({ zh: activity.title_zh, en: activity.title_en }, 'zh'),
      });
      return { result: { id, status }, audit: onTopic(id, { activityId }) };
    },
  );
}

/**
 * A consultation meeting closed: the accepted topics it was held on are now consulted, a step
 * of their history the service itself records. Runs in the closing's transaction.
 */
export async function markTopicsConsulted(
  trx: Transaction<Database>,
  { communityId, activityId }: { communityId: string; activityId: string },
): Promise<void> {
  const topics = await trx
    .updateTable('topics')
    .set({ status: 'consulted' })
    .where('community_id', '=', communityId)
    .where('status', '=', 'accepted')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('topic_meetings')
        .select('topic_id')
        .where('community_id', '=', communityId)
        .where('activity_id', '=', activityId),
    )
    .returning('id')
    .execute();
  if (topics.length === 0) return;
  const activity = await trx
    .selectFrom('activities')
    .select(['title_zh', 'title_en'])
    .where('community_id', '=', communityId)
    .where('id', '=', activityId)
    .executeTakeFirstOrThrow();
  for (const topic of topics) {
    await recordTopicEvent(trx, {
      communityId,
      topicId: topic.id,
      kind: 'consulted',
      note: inLanguage({ zh: activity.title_zh, en: activity.title_en }, 'zh'),
    });
  }
}

/**
 * The decision on an accepted or consulted topic: what was decided, who carries it out and by
 * when, with the minutes (views put and by whom, never how a named person voted).
 */
export function recordDecision(
  db: Kysely<Database>,
  { staff, origin, input }: { staff: StaffActor; origin: string; input: RecordDecisionInput },
): Promise<Changed> {
  const { communityId } = staff;
  const { id } = input;
  return runTopicChange(
    db,
    {
      staff,
      origin,
      operation: 'topics.recordDecision',
      input,
      allowed: ['accepted', 'consulted'],
      doing: 'decided',
    },
    async (trx) => {
      await updateTopic(
        trx,
        { communityId, id },
        {
          status: 'decided',
          decision: input.decision,
          responsible: input.responsible,
          due_by: input.dueBy,
          minutes: input.minutes || null,
          decided_at: new Date(),
        },
      );
      await recordTopicEvent(trx, {
        communityId,
        topicId: id,
        kind: 'decided',
        byStaff: staff.id,
        note: input.decision,
      });
      return { result: { id, status: 'decided' }, audit: onTopic(id) };
    },
  );
}

/** Progress on a decided topic, in public; `done` marks it carried out. */
export function reportProgress(
  db: Kysely<Database>,
  { staff, origin, input }: { staff: StaffActor; origin: string; input: ReportProgressInput },
): Promise<Changed> {
  const { communityId } = staff;
  const { id, done } = input;
  return runTopicChange(
    db,
    {
      staff,
      origin,
      operation: 'topics.reportProgress',
      input,
      allowed: ['decided'],
      doing: 'reported on',
    },
    async (trx) => {
      await recordTopicEvent(trx, {
        communityId,
        topicId: id,
        kind: done ? 'carried_out' : 'progress',
        byStaff: staff.id,
        note: input.note,
      });
      if (done) {
        await updateTopic(
          trx,
          { communityId, id },
          {
            status: 'carried_out',
            carried_out_at: new Date(),
          },
        );
      }
      const status: TopicStatus = done ? 'carried_out' : 'decided';
      return { result: { id, status }, audit: onTopic(id, { done }) };
    },
  );
}
