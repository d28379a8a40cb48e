import type { Database } from '@tally/db/schema';
import type {
  GovernanceBoard,
  ListTopicsInput,
  ResidentTopic,
  Topic,
  TopicKind,
  TopicSummary,
} from '@tally/domain/deliberation';
import { DomainError } from '@tally/domain/errors';
import { type Kysely, sql } from 'kysely';
import { cursorTime, newestFirst, toTimePage } from '../common/pages';
import { closedPollsForBoard, pollSummaries } from './read-polls';
import {
  communityToday,
  isOverdue,
  selectTopics,
  type TopicRow,
  topicHistory,
  topicSummary,
} from './topic-rows';

type Db = Kysely<Database>;

/** The office's list of topics, newest first; by stage, or only the overdue ones. */
export async function listTopics(
  db: Db,
  { communityId, input }: { communityId: string; input: ListTopicsInput },
): Promise<{ items: TopicSummary[]; nextCursor: string | null }> {
  const today = await communityToday(db, communityId);
  let query = selectTopics(db, communityId).select(cursorTime('t.created_at').as('cursor_time'));
  if (input.status) query = query.where('t.status', '=', input.status);
  if (input.overdue) {
    query = query.where('t.status', '=', 'decided').where('t.due_by', '<', today);
  }
  const rows = await newestFirst(query, { time: 't.created_at', id: 't.id', cursor: input.cursor })
    .limit(input.limit + 1)
    .execute();
  const page = toTimePage(rows, input.limit);
  return {
    items: page.items.map((row) => topicSummary(row as TopicRow, today, 'staff')),
    nextCursor: page.nextCursor,
  };
}

/** One topic with its whole history, its meetings and its polls, as the office sees it. */
export async function getTopic(
  db: Db,
  { communityId, id }: { communityId: string; id: string },
): Promise<Topic> {
  const row = (await selectTopics(db, communityId).where('t.id', '=', id).executeTakeFirst()) as
    | TopicRow
    | undefined;
  if (!row) throw new DomainError('NOT_FOUND', 'That topic could not be found.');
  const today = await communityToday(db, communityId);
  const merged = row.merged_into
    ? await db
        .selectFrom('topics')
        .select(['id', 'title', 'kind'])
        .where('community_id', '=', communityId)
        .where('id', '=', row.merged_into)
        .executeTakeFirst()
    : undefined;
  const meetings = await db
    .selectFrom('topic_meetings as m')
    .innerJoin('activities as a', (j) =>
      j.onRef('a.community_id', '=', 'm.community_id').onRef('a.id', '=', 'm.activity_id'),
    )
    .select([
      'a.id',
      'a.title_zh',
      'a.title_en',
      'a.starts_at',
      'a.place',
      'a.status',
      sql<number>`(select count(*)::int from activity_attendance aa
        where aa.community_id = a.community_id and aa.activity_id = a.id)`.as('attended'),
    ])
    .where('m.community_id', '=', communityId)
    .where('m.topic_id', '=', id)
    .orderBy('a.starts_at')
    .execute();
  return {
    ...topicSummary(row, today, 'staff'),
    body: row.body,
    declineReason: row.decline_reason,
    mergedInto: merged
      ? { id: merged.id, title: merged.title, kind: merged.kind as TopicKind }
      : null,
    decision: row.decision,
    responsible: row.responsible,
    minutes: row.minutes,
    decidedAt: row.decided_at?.toISOString() ?? null,
    carriedOutAt: row.carried_out_at?.toISOString() ?? null,
    meetings: meetings.map((meeting) => ({
      activityId: meeting.id,
      title: { zh: meeting.title_zh, en: meeting.title_en },
      startsAt: meeting.starts_at.toISOString(),
      place: meeting.place,
      status: meeting.status,
      attended: meeting.attended,
    })),
    polls: await pollSummaries(db, { communityId, topicIds: [id] }),
    history: await topicHistory(db, { communityId, topicId: id, audience: 'staff' }),
  };
}

const residentViews = {
  open: ['raised', 'accepted', 'consulted'],
  decided: ['decided', 'carried_out'],
} as const;

/**
 * Topics as a resident sees them at the kiosk or on the phone: `open` (still being worked on,
 * most supported first), `decided` (decisions and follow-up, newest first), or `mine` (what
 * they raised, whatever became of it, with the office's reason when declined).
 */
export async function residentTopics(
  db: Db,
  {
    communityId,
    residentId,
    view,
  }: { communityId: string; residentId: string; view: 'open' | 'decided' | 'mine' },
): Promise<ResidentTopic[]> {
  const today = await communityToday(db, communityId);
  let query = selectTopics(db, communityId)
    .select([
      sql<boolean>`exists (select 1 from topic_supports ts where ts.community_id = t.community_id
        and ts.topic_id = t.id and ts.resident_id = ${residentId})`.as('supported_by_me'),
      sql<string | null>`(select e.note from topic_events e where e.community_id = t.community_id
        and e.topic_id = t.id and e.kind in ('progress', 'carried_out')
        order by e.seq desc limit 1)`.as('progress_note'),
      sql<Date | null>`(select e.created_at from topic_events e where e.community_id = t.community_id
        and e.topic_id = t.id and e.kind in ('progress', 'carried_out')
        order by e.seq desc limit 1)`.as('progress_at'),
    ])
    .limit(100);
  if (view === 'mine') {
    query = query.where('t.raised_by_resident', '=', residentId).orderBy('t.created_at', 'desc');
  } else if (view === 'open') {
    query = query
      .where('t.status', 'in', [...residentViews.open])
      .orderBy(sql`supporters`, 'desc')
      .orderBy('t.created_at', 'desc');
  } else {
    query = query
      .where('t.status', 'in', [...residentViews.decided])
      .orderBy('t.decided_at', 'desc');
  }
  const rows = await query.execute();
  return rows.map((row) => ({
    ...topicSummary(row as TopicRow, today, 'public'),
    body: row.body,
    declineReason: row.decline_reason,
    decision: row.decision,
    responsible: row.responsible,
    progress:
      row.progress_note && row.progress_at
        ? { note: row.progress_note, at: row.progress_at.toISOString() }
        : null,
    carriedOutAt: row.carried_out_at?.toISOString() ?? null,
    supportedByMe: row.supported_by_me,
    raisedByMe: row.raised_by_resident === residentId,
  }));
}

/**
 * What the notice board shows of deliberation: decisions of the last year with every progress
 * note (overdue ones flagged), and the results of polls closed in the last 90 days.
 */
export async function governanceBoard(db: Db, communityId: string): Promise<GovernanceBoard> {
  const today = await communityToday(db, communityId);
  const decided = await db
    .selectFrom('topics')
    .select([
      'id',
      'kind',
      'title',
      'place',
      'status',
      'decision',
      'responsible',
      'due_by',
      'minutes',
      'decided_at',
      'carried_out_at',
    ])
    .where('community_id', '=', communityId)
    .where('status', 'in', ['decided', 'carried_out'])
    .where('decided_at', '>', sql<Date>`now() - interval '365 days'`)
    .orderBy('decided_at', 'desc')
    .limit(50)
    .execute();
  const ids = decided.map((topic) => topic.id);
  const notes =
    ids.length === 0
      ? []
      : await db
          .selectFrom('topic_events')
          .select(['topic_id', 'note', 'created_at'])
          .where('community_id', '=', communityId)
          .where('topic_id', 'in', ids)
          .where('kind', 'in', ['progress', 'carried_out'])
          .orderBy('seq')
          .execute();
  return {
    decisions: decided.map((topic) => ({
      topicId: topic.id,
      kind: topic.kind as TopicKind,
      title: topic.title,
      place: topic.place,
      status: topic.status,
      decision: topic.decision ?? '',
      responsible: topic.responsible ?? '',
      dueBy: topic.due_by ?? '',
      minutes: topic.minutes,
      decidedAt: (topic.decided_at ?? new Date(0)).toISOString(),
      progress: notes
        .filter((note) => note.topic_id === topic.id && note.note)
        .map((note) => ({ note: note.note ?? '', at: note.created_at.toISOString() })),
      carriedOutAt: topic.carried_out_at?.toISOString() ?? null,
      overdue: isOverdue(topic, today),
    })),
    polls: await closedPollsForBoard(db, communityId),
  };
}

/** The buildings of the community, for a resident to say where by a tap (the kiosk has no keyboard). */
export async function topicPlaces(db: Db, communityId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('residents')
    .select('building')
    .distinct()
    .where('community_id', '=', communityId)
    .where('building', 'is not', null)
    .orderBy('building')
    .execute();
  return rows.flatMap((row) => (row.building ? [row.building] : []));
}
