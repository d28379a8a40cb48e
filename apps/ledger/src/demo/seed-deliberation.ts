import type { Database } from '@tally/db/schema';
import { type Kysely, sql } from 'kysely';
import type { ResidentSession, StaffActor } from '../auth/actors';
import { startPhoneSession } from '../auth/phone-sessions';
import { closePoll, openPoll } from '../deliberation/polls';
import { raiseTopic, raiseTopicAsResident, supportTopic } from '../deliberation/raise-topic';
import {
  linkMeeting,
  markTopicsConsulted,
  recordDecision,
  reportProgress,
} from '../deliberation/topic-follow-up';
import { triageTopic } from '../deliberation/triage-topic';
import { castVote } from '../deliberation/vote';

const ORIGIN = 'demo-seed';
const DAY = 86_400_000;

type Context = {
  db: Kysely<Database>;
  communityId: string;
  office: StaffActor;
  kioskId: string;
  now: Date;
  cards: Map<string, string>;
};

/**
 * Issue 15: the community's deliberation, a topic at every stage. A ramp at building 3 that a
 * resident raised at the kiosk was decided, put to a secret poll (closed, with results) and
 * carried out; parking, raised on a phone, was consulted on at the parking meeting and has a
 * secret poll open now; lifts for building 5 are accepted with a meeting ahead; keeping poultry
 * was declined with a reason; a dark path was raised this week and gathers support; a rain
 * shelter for the rubbish point is decided and overdue. Residents whose cards the browser tests
 * use neither raise, support nor vote here.
 */
export async function seedDeliberation(
  db: Kysely<Database>,
  options: Omit<Context, 'db' | 'cards'>,
): Promise<void> {
  const residents = await db
    .selectFrom('residents')
    .select(['id', 'card_number'])
    .where('community_id', '=', options.communityId)
    .execute();
  const context: Context = {
    db,
    ...options,
    cards: new Map(residents.map((r) => [r.card_number, r.id])),
  };
  await rampCarriedOut(context);
  await parkingWithOpenPoll(context);
  await liftsAccepted(context);
  await poultryDeclined(context);
  await darkPathRaised(context);
  await shelterOverdue(context);
}

let keys = 0;
const key = (name: string) => `demo-topic-${name}-${++keys}`;

function residentOf(context: Context, card: string): string {
  const id = context.cards.get(card);
  if (!id) throw new Error(`the demo has no card ${card}`);
  return id;
}

function atKiosk(context: Context, card: string): ResidentSession {
  return {
    residentId: residentOf(context, card),
    communityId: context.communityId,
    kioskId: context.kioskId,
    tokenHash: '',
  };
}

async function onPhone(context: Context, card: string): Promise<ResidentSession> {
  const residentId = residentOf(context, card);
  const { sessionId, token } = await startPhoneSession(context.db, {
    communityId: context.communityId,
    signedInAs: { kind: 'resident', id: residentId },
    actingFor: residentId,
    remember: false,
    device: 'Demo phone (iPhone, Safari)',
  });
  return {
    residentId,
    communityId: context.communityId,
    kioskId: null,
    tokenHash: token,
    phone: { sessionId, by: { kind: 'resident', id: residentId, displayName: '' }, asProxy: false },
  };
}

async function support(context: Context, id: string, cards: string[]) {
  for (const card of cards) {
    await supportTopic(context.db, {
      session: atKiosk(context, card),
      origin: ORIGIN,
      input: { idempotencyKey: key('support'), id },
    });
  }
}

async function meetingTitled(context: Context, zh: string): Promise<string> {
  const meeting = await context.db
    .selectFrom('activities')
    .select('id')
    .where('community_id', '=', context.communityId)
    .where('title_zh', '=', zh)
    .executeTakeFirstOrThrow();
  return meeting.id;
}

/**
 * Spreads a topic's history over the days it took: each step (in order) moved to the given
 * days before now, and the topic's own times with them.
 */
async function backdate(context: Context, id: string, daysAgo: number[]) {
  const { db, communityId, now } = context;
  const steps = await db
    .selectFrom('topic_events')
    .select('seq')
    .where('community_id', '=', communityId)
    .where('topic_id', '=', id)
    .orderBy('seq')
    .execute();
  for (const [index, step] of steps.entries()) {
    const days = daysAgo[Math.min(index, daysAgo.length - 1)] ?? 0;
    await sql`update topic_events set created_at = ${new Date(now.getTime() - days * DAY)}
       where community_id = ${communityId} and topic_id = ${id} and seq = ${step.seq}`.execute(db);
  }
  await sql`
    update topics t set
      created_at = (select min(created_at) from topic_events e
                     where e.community_id = t.community_id and e.topic_id = t.id),
      decided_at = case when decided_at is null then null else
        (select max(created_at) from topic_events e where e.community_id = t.community_id
            and e.topic_id = t.id and e.kind = 'decided') end,
      carried_out_at = case when carried_out_at is null then null else
        (select max(created_at) from topic_events e where e.community_id = t.community_id
            and e.topic_id = t.id and e.kind = 'carried_out') end
     where community_id = ${communityId} and id = ${id}`.execute(db);
  await sql`
    update topic_supports s set created_at = t.created_at + (random() * interval '3 days')
      from topics t
     where t.community_id = s.community_id and t.id = s.topic_id
       and s.community_id = ${communityId} and s.topic_id = ${id}`.execute(db);
}

/** A day in the community's calendar, `days` from now (negative: ago). */
function dayFrom(context: Context, days: number): string {
  return new Date(context.now.getTime() + days * DAY).toISOString().slice(0, 10);
}

async function vote(context: Context, pollId: string, votes: [string, number][]) {
  const options = await context.db
    .selectFrom('poll_options')
    .select('id')
    .where('community_id', '=', context.communityId)
    .where('poll_id', '=', pollId)
    .orderBy('position')
    .execute();
  for (const [card, choice] of votes) {
    await castVote(context.db, {
      session: atKiosk(context, card),
      origin: ORIGIN,
      input: { idempotencyKey: key('vote'), pollId, optionId: options[choice]?.id ?? '' },
    });
  }
}

async function decide(
  context: Context,
  id: string,
  decision: { decision: string; responsible: string; dueBy: string; minutes?: string },
) {
  await recordDecision(context.db, {
    staff: context.office,
    origin: ORIGIN,
    input: { idempotencyKey: key('decide'), id, ...decision },
  });
}

async function accept(context: Context, id: string, plannedFor?: string) {
  await triageTopic(context.db, {
    staff: context.office,
    origin: ORIGIN,
    input: {
      idempotencyKey: key('accept'),
      id,
      decision: 'accept',
      ...(plannedFor ? { plannedFor } : {}),
    },
  });
}

async function rampCarriedOut(context: Context) {
  const { db, office } = context;
  const { id } = await raiseTopicAsResident(db, {
    session: atKiosk(context, 'Q0016'),
    origin: ORIGIN,
    input: { idempotencyKey: key('ramp'), kind: 'facilities', place: '3' },
  });
  await support(context, id, ['Q0012', 'Q0017', 'Q0018', 'Q0019', 'Q0025', 'Q0029']);
  await accept(context, id, dayFrom(context, -52));
  await decide(context, id, {
    decision: '在3号楼东侧（靠近电梯）修建无障碍坡道，并加装扶手。',
    responsible: '物业服务中心 王经理',
    dueBy: dayFrom(context, -10),
    minutes:
      '12位居民到会。多数发言支持东侧（离电梯近）；一楼住户担心占用绿地，物业承诺补种。投票结果见公示栏。',
  });
  // The secret poll on which side, held before the decision took its final form.
  const { id: pollId } = await openPoll(db, {
    staff: office,
    origin: ORIGIN,
    input: {
      idempotencyKey: key('ramp-poll'),
      topicId: id,
      question: {
        zh: '坡道建在3号楼哪一侧？',
        en: 'Which side of building 3 should the ramp go on?',
      },
      options: [
        { zh: '东侧（靠近电梯）', en: 'East (by the lift)' },
        { zh: '西侧（靠近花园）', en: 'West (by the garden)' },
      ],
      opensAt: new Date(context.now.getTime() - DAY).toISOString(),
      closesAt: new Date(context.now.getTime() + DAY).toISOString(),
      secret: true,
      changeable: false,
    },
  });
  await vote(context, pollId, [
    ['Q0012', 0],
    ['Q0013', 0],
    ['Q0016', 0],
    ['Q0017', 1],
    ['Q0018', 0],
    ['Q0019', 0],
    ['Q0024', 1],
    ['Q0025', 0],
    ['Q0026', 0],
    ['Q0028', 1],
    ['Q0029', 0],
    ['Q0032', 0],
  ]);
  await closePoll(db, {
    staff: office,
    origin: ORIGIN,
    input: { idempotencyKey: key('ramp-close'), id: pollId },
  });
  await sql`update polls set opens_at = ${new Date(context.now.getTime() - 50 * DAY)},
      closes_at = ${new Date(context.now.getTime() - 46 * DAY)},
      closed_early_at = null, created_at = ${new Date(context.now.getTime() - 50 * DAY)}
    where community_id = ${context.communityId} and id = ${pollId}`.execute(db);
  await sql`update poll_voters set voted_at = ${new Date(context.now.getTime() - 48 * DAY)}
    where community_id = ${context.communityId} and poll_id = ${pollId}`.execute(db);
  for (const note of ['施工队已进场，东侧绿地已补种。', '坡道和扶手已建成，经残疾居民试用验收。']) {
    await reportProgress(db, {
      staff: office,
      origin: ORIGIN,
      input: { idempotencyKey: key('ramp-progress'), id, note, done: note.includes('建成') },
    });
  }
  await backdate(context, id, [70, 60, 45, 25, 8]);
}

async function parkingWithOpenPoll(context: Context) {
  const { db, office } = context;
  const { id } = await raiseTopicAsResident(db, {
    session: await onPhone(context, 'Q0013'),
    origin: ORIGIN,
    input: {
      idempotencyKey: key('parking'),
      kind: 'neighbours',
      title: '地面停车位重新划线',
      body: '晚上车位不够，消防通道常被占用。希望重新划线，并给访客留几个位置。',
      place: '小区主路',
    },
  });
  await support(context, id, [
    'Q0012',
    'Q0017',
    'Q0018',
    'Q0024',
    'Q0025',
    'Q0026',
    'Q0027',
    'Q0029',
    'Q0032',
    'Q0034',
  ]);
  await accept(context, id, dayFrom(context, -7));
  const meeting = await meetingTitled(context, '停车方案议事会');
  await linkMeeting(db, {
    staff: office,
    origin: ORIGIN,
    input: { idempotencyKey: key('parking-meeting'), id, activityId: meeting },
  });
  // The meeting closed before this story was told: record what its closing would have.
  await db
    .transaction()
    .execute((trx) =>
      markTopicsConsulted(trx, { communityId: context.communityId, activityId: meeting }),
    );
  const { id: pollId } = await openPoll(db, {
    staff: office,
    origin: ORIGIN,
    input: {
      idempotencyKey: key('parking-poll'),
      topicId: id,
      question: { zh: '您支持哪个划线方案？', en: 'Which parking plan do you support?' },
      options: [
        { zh: '方案一：增加车位，取消访客位', en: 'Plan 1: more spaces, no visitor spaces' },
        { zh: '方案二：保留6个访客位', en: 'Plan 2: keep 6 visitor spaces' },
        { zh: '维持现状', en: 'Keep things as they are' },
      ],
      opensAt: new Date(context.now.getTime() - 2 * DAY).toISOString(),
      closesAt: new Date(context.now.getTime() + 5 * DAY).toISOString(),
      secret: true,
      changeable: false,
    },
  });
  await vote(context, pollId, [
    ['Q0012', 1],
    ['Q0017', 0],
    ['Q0024', 1],
    ['Q0025', 1],
    ['Q0034', 2],
    ['Q0036', 1],
  ]);
  await backdate(context, id, [30, 21, 14, 7]);
}

async function liftsAccepted(context: Context) {
  const { db, office } = context;
  const { id } = await raiseTopic(db, {
    staff: office,
    origin: ORIGIN,
    input: {
      idempotencyKey: key('lifts'),
      title: '5号楼加装电梯',
      body: '5号楼有11户老人上下楼困难，居民联名申请加装电梯，费用分摊方案需协商。',
      place: '5',
      kind: 'facilities',
      onBehalfOf: residentOf(context, 'Q0027'),
    },
  });
  await support(context, id, ['Q0027', 'Q0033', 'Q0035', 'Q0037', 'Q0038']);
  await accept(context, id, dayFrom(context, 4));
  await linkMeeting(db, {
    staff: office,
    origin: ORIGIN,
    input: {
      idempotencyKey: key('lifts-meeting'),
      id,
      activityId: await meetingTitled(context, '加装电梯议事协商'),
    },
  });
  await backdate(context, id, [18, 12, 10]);
}

async function poultryDeclined(context: Context) {
  const { db, office } = context;
  const { id } = await raiseTopicAsResident(db, {
    session: await onPhone(context, 'Q0024'),
    origin: ORIGIN,
    input: {
      idempotencyKey: key('poultry'),
      kind: 'environment',
      title: '楼下有人养鸡',
      body: '每天早上鸡叫，味道也大。',
      place: '7',
    },
  });
  await triageTopic(db, {
    staff: office,
    origin: ORIGIN,
    input: {
      idempotencyKey: key('poultry-decline'),
      id,
      decision: 'decline',
      reason:
        '饲养家禽由街道城管科依法处理，不属于居民议事范围。我们已转交城管科，处理结果会告诉您。',
    },
  });
  await backdate(context, id, [15, 13]);
}

async function darkPathRaised(context: Context) {
  const { db } = context;
  const { id } = await raiseTopicAsResident(db, {
    session: atKiosk(context, 'Q0026'),
    origin: ORIGIN,
    input: { idempotencyKey: key('path'), kind: 'safety', place: '2' },
  });
  await support(context, id, ['Q0041', 'Q0042', 'Q0043']);
  await backdate(context, id, [3]);
}

async function shelterOverdue(context: Context) {
  const { db, office } = context;
  const { id } = await raiseTopic(db, {
    staff: office,
    origin: ORIGIN,
    input: {
      idempotencyKey: key('shelter'),
      title: '垃圾分类亭加装雨棚',
      body: '下雨天居民投放垃圾要淋雨，分类亭周围积水。',
      place: '垃圾分类亭',
      kind: 'environment',
      onBehalfOf: residentOf(context, 'Q0028'),
    },
  });
  await support(context, id, ['Q0028', 'Q0044', 'Q0045', 'Q0046']);
  await accept(context, id);
  await decide(context, id, {
    decision: '为两个垃圾分类亭加装雨棚，并疏通周围排水。',
    responsible: '物业服务中心',
    dueBy: dayFrom(context, -10),
  });
  await reportProgress(db, {
    staff: office,
    origin: ORIGIN,
    input: {
      idempotencyKey: key('shelter-progress'),
      id,
      note: '已联系雨棚厂家，等待报价。',
      done: false,
    },
  });
  await backdate(context, id, [50, 45, 40, 30]);
}
