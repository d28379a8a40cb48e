import { randomUUID } from 'node:crypto';
import type { Database } from '@tally/db/schema';
import type {
  KioskRaiseTopicInput,
  MeRaiseTopicInput,
  RaiseTopicInput,
  SupportTopicOutput,
  TopicKind,
} from '@tally/domain/deliberation';
import { DomainError } from '@tally/domain/errors';
import type { Kysely, Transaction } from 'kysely';
import type { ResidentSession, StaffActor } from '../auth/actors';
import { runResidentWrite, runStaffWrite } from '../common/use-case';
import { lockTopic, recordTopicEvent, requireStatus } from './topic-rows';

type Raised = { id: string; status: 'raised' };

/** The office or a leader raises a topic, typed for a resident who brought it, if one did. */
export function raiseTopic(
  db: Kysely<Database>,
  { staff, origin, input }: { staff: StaffActor; origin: string; input: RaiseTopicInput },
): Promise<Raised> {
  const { idempotencyKey, ...request } = input;
  const { communityId } = staff;
  return runStaffWrite(
    db,
    { staff, origin, operation: 'topics.raise', key: idempotencyKey, request },
    async (trx) => {
      if (input.onBehalfOf) await requireResident(trx, communityId, input.onBehalfOf);
      const id = await insertTopic(trx, {
        communityId,
        kind: input.kind,
        title: input.title,
        body: input.body,
        place: input.place ?? null,
        via: 'office',
        residentId: input.onBehalfOf ?? null,
        staffId: staff.id,
      });
      return { result: { id, status: 'raised' }, audit: { target: { type: 'topic', id } } };
    },
  );
}

/**
 * A resident raises a topic at the kiosk (a kind and a place, by taps) or on the phone (in
 * their own words if they like). The resident supports what they raise.
 */
export function raiseTopicAsResident(
  db: Kysely<Database>,
  {
    session,
    origin,
    input,
  }: { session: ResidentSession; origin: string; input: KioskRaiseTopicInput | MeRaiseTopicInput },
): Promise<Raised> {
  const { idempotencyKey, ...request } = input;
  const { communityId, residentId } = session;
  const via = session.phone ? 'phone' : 'kiosk';
  return runResidentWrite(
    db,
    {
      session,
      origin,
      operation: session.phone ? 'me.raiseTopic' : 'kiosk.raiseTopic',
      key: idempotencyKey,
      request,
    },
    async (trx) => {
      const id = await insertTopic(trx, {
        communityId,
        kind: input.kind,
        title: 'title' in input ? (input.title ?? null) : null,
        body: 'body' in input ? input.body : '',
        place: input.place ?? null,
        via,
        residentId,
        staffId: null,
      });
      await trx
        .insertInto('topic_supports')
        .values({ community_id: communityId, topic_id: id, resident_id: residentId, via })
        .execute();
      return { result: { id, status: 'raised' }, audit: { target: { type: 'topic', id } } };
    },
  );
}

async function requireResident(trx: Transaction<Database>, communityId: string, id: string) {
  const found = await trx
    .selectFrom('residents')
    .select('id')
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!found) throw new DomainError('NOT_FOUND', 'That resident could not be found.');
}

async function insertTopic(
  trx: Transaction<Database>,
  topic: {
    communityId: string;
    kind: TopicKind;
    title: string | null;
    body: string;
    place: string | null;
    via: 'kiosk' | 'phone' | 'office';
    residentId: string | null;
    staffId: string | null;
  },
): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto('topics')
    .values({
      community_id: topic.communityId,
      id,
      kind: topic.kind,
      title: topic.title,
      body: topic.body,
      place: topic.place,
      raised_via: topic.via,
      raised_by_resident: topic.residentId,
      raised_by_staff: topic.staffId,
    })
    .execute();
  await recordTopicEvent(trx, {
    communityId: topic.communityId,
    topicId: id,
    kind: 'raised',
    byStaff: topic.staffId,
    byResident: topic.staffId ? null : topic.residentId,
  });
  return id;
}

/**
 * A resident supports a topic still being worked on (raised, accepted or consulted), once: a
 * second support changes nothing and says so.
 */
export function supportTopic(
  db: Kysely<Database>,
  {
    session,
    origin,
    input,
  }: { session: ResidentSession; origin: string; input: { idempotencyKey: string; id: string } },
): Promise<SupportTopicOutput> {
  const { communityId, residentId } = session;
  const { id } = input;
  return runResidentWrite(
    db,
    {
      session,
      origin,
      operation: session.phone ? 'me.supportTopic' : 'kiosk.supportTopic',
      key: input.idempotencyKey,
      request: { id },
    },
    async (trx) => {
      const topic = await lockTopic(trx, { communityId, id });
      requireStatus(topic, ['raised', 'accepted', 'consulted'], 'supported');
      const inserted = await trx
        .insertInto('topic_supports')
        .values({
          community_id: communityId,
          topic_id: id,
          resident_id: residentId,
          via: session.phone ? 'phone' : 'kiosk',
        })
        .onConflict((conflict) =>
          conflict.columns(['community_id', 'topic_id', 'resident_id']).doNothing(),
        )
        .executeTakeFirst();
      const added = Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
      const { supporters } = await trx
        .selectFrom('topic_supports')
        .select((eb) => eb.fn.countAll<number>().as('supporters'))
        .where('community_id', '=', communityId)
        .where('topic_id', '=', id)
        .executeTakeFirstOrThrow();
      return {
        result: { id, supporters: Number(supporters), added },
        audit: added ? { target: { type: 'topic', id } } : null,
      };
    },
  );
}
