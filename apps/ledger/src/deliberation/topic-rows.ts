import type { Database, TopicsTable } from '@tally/db/schema';
import type { AuditAction } from '@tally/domain/audit';
import type {
  TopicActor,
  TopicEventKind,
  TopicKind,
  TopicStatus,
} from '@tally/domain/deliberation';
import { DomainError } from '@tally/domain/errors';
import { ANONYMOUS_RESIDENT } from '@tally/domain/notices';
import { type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type { StaffActor } from '../auth/actors';
import { type Audited, runStaffWrite } from '../common/use-case';

type Db = Kysely<Database> | Transaction<Database>;

/** The community's own today, `YYYY-MM-DD` (its time zone): a topic is overdue after its day. */
export async function communityToday(db: Db, communityId: string): Promise<string> {
  const { rows } = await sql<{ today: string }>`
    select to_char(now() at time zone time_zone, 'YYYY-MM-DD') as today
      from communities where id = ${communityId}`.execute(db);
  const today = rows[0]?.today;
  if (!today) throw new DomainError('NOT_FOUND', 'That community could not be found.');
  return today;
}

export type TopicRow = {
  id: string;
  kind: string;
  title: string | null;
  body: string;
  place: string | null;
  status: TopicStatus;
  created_at: Date;
  raised_via: 'kiosk' | 'phone' | 'office';
  raised_by_resident: string | null;
  raised_by_staff: string | null;
  resident_name: string | null;
  resident_show_name: boolean | null;
  staff_name: string | null;
  planned_for: string | null;
  due_by: string | null;
  merged_into: string | null;
  decline_reason: string | null;
  decision: string | null;
  responsible: string | null;
  minutes: string | null;
  decided_at: Date | null;
  carried_out_at: Date | null;
  supporters: number;
  open_poll: boolean;
};

/** Topics with who raised them, their supporters and whether a poll is open on them now. */
export function selectTopics(db: Db, communityId: string) {
  return db
    .selectFrom('topics as t')
    .leftJoin('residents as r', (j) =>
      j.onRef('r.community_id', '=', 't.community_id').onRef('r.id', '=', 't.raised_by_resident'),
    )
    .leftJoin('staff_users as s', (j) =>
      j.onRef('s.community_id', '=', 't.community_id').onRef('s.id', '=', 't.raised_by_staff'),
    )
    .select([
      't.id',
      't.kind',
      't.title',
      't.body',
      't.place',
      't.status',
      't.created_at',
      't.raised_via',
      't.raised_by_resident',
      't.raised_by_staff',
      'r.display_name as resident_name',
      'r.show_name as resident_show_name',
      's.display_name as staff_name',
      't.planned_for',
      't.due_by',
      't.merged_into',
      't.decline_reason',
      't.decision',
      't.responsible',
      't.minutes',
      't.decided_at',
      't.carried_out_at',
      sql<number>`(select count(*)::int from topic_supports ts
        where ts.community_id = t.community_id and ts.topic_id = t.id)`.as('supporters'),
      sql<boolean>`exists (select 1 from polls p
        where p.community_id = t.community_id and p.topic_id = t.id
          and p.opens_at <= now() and p.closes_at > now() and p.closed_early_at is null)`.as(
        'open_poll',
      ),
    ])
    .where('t.community_id', '=', communityId);
}

/**
 * Who raised a topic, as a reader sees it. The office sees residents' names; public screens
 * (the kiosk, the phone, the notice board) show "A resident" for one who did not agree to be
 * named, and "the community office" for staff.
 */
export function raisedBy(row: TopicRow, audience: 'staff' | 'public'): TopicActor {
  if (row.raised_by_staff && !row.raised_by_resident) {
    return { type: 'staff', name: audience === 'staff' ? (row.staff_name ?? '') : '' };
  }
  const named = audience === 'staff' || row.resident_show_name === true;
  return { type: 'resident', name: named ? (row.resident_name ?? '') : ANONYMOUS_RESIDENT };
}

export function isOverdue(row: Pick<TopicRow, 'status' | 'due_by'>, today: string): boolean {
  return row.status === 'decided' && row.due_by !== null && row.due_by < today;
}

export function topicSummary(row: TopicRow, today: string, audience: 'staff' | 'public') {
  return {
    id: row.id,
    kind: row.kind as TopicKind,
    title: row.title,
    place: row.place,
    status: row.status,
    raisedAt: row.created_at.toISOString(),
    raisedBy: raisedBy(row, audience),
    supporters: row.supporters,
    plannedFor: row.planned_for,
    dueBy: row.due_by,
    overdue: isOverdue(row, today),
    openPoll: row.open_poll,
  };
}

/**
 * The topic, held for a change of its state: the next change waits until this one commits, so
 * two office members triaging at once cannot both move it.
 */
export async function lockTopic(
  trx: Transaction<Database>,
  { communityId, id }: { communityId: string; id: string },
) {
  const topic = await trx
    .selectFrom('topics')
    .select(['id', 'status', 'kind', 'title', 'merged_into'])
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!topic) throw new DomainError('NOT_FOUND', 'That topic could not be found.');
  return topic;
}

/** Refuses a change the topic's stage does not allow, saying what stage it is at. */
export function requireStatus(
  topic: { status: string },
  allowed: readonly TopicStatus[],
  doing: string,
): void {
  if (!allowed.includes(topic.status as TopicStatus)) {
    throw new DomainError(
      'TOPIC_NOT_OPEN',
      `This topic is ${topic.status.replace('_', ' ')}: it cannot be ${doing} now.`,
      { status: topic.status },
    );
  }
}

/** One step of a topic's history. */
export async function recordTopicEvent(
  trx: Transaction<Database>,
  event: {
    communityId: string;
    topicId: string;
    kind: TopicEventKind;
    byStaff?: string | null;
    byResident?: string | null;
    note?: string | null;
  },
): Promise<void> {
  await trx
    .insertInto('topic_events')
    .values({
      community_id: event.communityId,
      topic_id: event.topicId,
      kind: event.kind,
      by_staff: event.byStaff ?? null,
      by_resident: event.byResident ?? null,
      note: event.note ?? null,
    })
    .execute();
}

/** A topic's whole history, oldest first, with who did each step. */
export async function topicHistory(
  db: Db,
  {
    communityId,
    topicId,
    audience,
  }: { communityId: string; topicId: string; audience: 'staff' | 'public' },
) {
  const rows = await db
    .selectFrom('topic_events as e')
    .leftJoin('residents as r', (j) =>
      j.onRef('r.community_id', '=', 'e.community_id').onRef('r.id', '=', 'e.by_resident'),
    )
    .leftJoin('staff_users as s', (j) =>
      j.onRef('s.community_id', '=', 'e.community_id').onRef('s.id', '=', 'e.by_staff'),
    )
    .select([
      'e.kind',
      'e.note',
      'e.created_at',
      'e.by_staff',
      'e.by_resident',
      'r.display_name as resident_name',
      'r.show_name',
      's.display_name as staff_name',
    ])
    .where('e.community_id', '=', communityId)
    .where('e.topic_id', '=', topicId)
    .orderBy('e.seq')
    .execute();
  return rows.map((row) => ({
    kind: row.kind as TopicEventKind,
    at: row.created_at.toISOString(),
    by: eventActor(row, audience),
    note: row.note,
  }));
}

function eventActor(
  row: {
    by_staff: string | null;
    by_resident: string | null;
    resident_name: string | null;
    show_name: boolean | null;
    staff_name: string | null;
  },
  audience: 'staff' | 'public',
): TopicActor {
  if (row.by_resident) {
    const named = audience === 'staff' || row.show_name === true;
    return { type: 'resident', name: named ? (row.resident_name ?? '') : ANONYMOUS_RESIDENT };
  }
  if (row.by_staff) {
    return { type: 'staff', name: audience === 'staff' ? (row.staff_name ?? '') : '' };
  }
  return { type: 'system', name: '' };
}

type LockedTopic = Awaited<ReturnType<typeof lockTopic>>;

/**
 * The office's change to one topic: the key claimed, the topic held and its stage checked
 * (`doing` says what the refusal says cannot be done now), the work, one audit entry on the
 * (the work says what it notes: `onTopic(id)`) — all in one transaction. The request kept for replays is the input without its key.
 */
export function runTopicChange<T>(
  db: Kysely<Database>,
  {
    staff,
    origin,
    operation,
    input,
    allowed,
    doing,
  }: {
    staff: StaffActor;
    origin: string;
    operation: AuditAction;
    input: { idempotencyKey: string; id: string };
    allowed: readonly TopicStatus[];
    doing: string;
  },
  work: (trx: Transaction<Database>, topic: LockedTopic) => Promise<Audited<T>>,
): Promise<T> {
  const { idempotencyKey, ...request } = input;
  const { communityId } = staff;
  return runStaffWrite(
    db,
    { staff, origin, operation, key: idempotencyKey, request },
    async (trx) => {
      const topic = await lockTopic(trx, { communityId, id: input.id });
      requireStatus(topic, allowed, doing);
      return work(trx, topic);
    },
  );
}

/** The audit entry of a change to a topic. */
export function onTopic(id: string, details?: Record<string, unknown>) {
  return { target: { type: 'topic' as const, id }, ...(details ? { details } : {}) };
}

/** Writes a topic's new stage or fields. */
export async function updateTopic(
  trx: Transaction<Database>,
  { communityId, id }: { communityId: string; id: string },
  values: Updateable<TopicsTable>,
): Promise<void> {
  await trx
    .updateTable('topics')
    .set(values)
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .execute();
}
