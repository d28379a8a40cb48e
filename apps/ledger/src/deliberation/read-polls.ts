import type { Database } from '@tally/db/schema';
import { isInvited } from '@tally/domain/activity-rules';
import { type AgeBand, ageBandOf, ageBands } from '@tally/domain/age-bands';
import type { PollResults, PollSummary, ResidentPoll, TopicKind } from '@tally/domain/deliberation';
import { DomainError } from '@tally/domain/errors';
import { rateCell, smallGroupCell } from '@tally/domain/reports';
import { type Kysely, sql } from 'kysely';
import { pollState } from './polls';

type Db = Kysely<Database>;

type PollRow = {
  id: string;
  topic_id: string;
  question_zh: string;
  question_en: string;
  age_bands: string[];
  buildings: string[];
  opens_at: Date;
  closes_at: Date;
  closed_early_at: Date | null;
  secret: boolean;
  changeable: boolean;
  voters: number;
  year: number;
};

function selectPolls(db: Db, communityId: string) {
  return db
    .selectFrom('polls as p')
    .select([
      'p.id',
      'p.topic_id',
      'p.question_zh',
      'p.question_en',
      'p.age_bands',
      'p.buildings',
      'p.opens_at',
      'p.closes_at',
      'p.closed_early_at',
      'p.secret',
      'p.changeable',
      sql<number>`(select count(*)::int from poll_voters v
        where v.community_id = p.community_id and v.poll_id = p.id)`.as('voters'),
      sql<number>`extract(year from p.opens_at at time zone
        (select time_zone from communities c where c.id = p.community_id))::int`.as('year'),
    ])
    .where('p.community_id', '=', communityId);
}

async function optionsOf(db: Db, communityId: string, pollIds: string[]) {
  if (pollIds.length === 0)
    return new Map<string, { id: string; zh: string; en: string; votes: number }[]>();
  const rows = await db
    .selectFrom('poll_options')
    .select(['poll_id', 'id', 'text_zh', 'text_en', 'votes'])
    .where('community_id', '=', communityId)
    .where('poll_id', 'in', pollIds)
    .orderBy('poll_id')
    .orderBy('position')
    .execute();
  const byPoll = new Map<string, { id: string; zh: string; en: string; votes: number }[]>();
  for (const row of rows) {
    const list = byPoll.get(row.poll_id) ?? [];
    list.push({ id: row.id, zh: row.text_zh, en: row.text_en, votes: row.votes });
    byPoll.set(row.poll_id, list);
  }
  return byPoll;
}

function summary(
  row: PollRow,
  options: { id: string; zh: string; en: string }[],
  now: Date,
): PollSummary {
  return {
    id: row.id,
    topicId: row.topic_id,
    question: { zh: row.question_zh, en: row.question_en },
    options: options.map((option) => ({ id: option.id, text: { zh: option.zh, en: option.en } })),
    eligibility: { ageBands: row.age_bands as AgeBand[], buildings: row.buildings },
    opensAt: row.opens_at.toISOString(),
    closesAt: row.closes_at.toISOString(),
    secret: row.secret,
    changeable: row.changeable,
    state: pollState(row, now),
    voters: row.voters,
  };
}

/** The polls on some topics (or all of a community's), newest first: never their counts. */
export async function pollSummaries(
  db: Db,
  { communityId, topicIds }: { communityId: string; topicIds?: string[] },
): Promise<PollSummary[]> {
  if (topicIds && topicIds.length === 0) return [];
  let query = selectPolls(db, communityId).orderBy('p.opens_at', 'desc').orderBy('p.id');
  if (topicIds) query = query.where('p.topic_id', 'in', topicIds);
  const rows = await query.execute();
  const options = await optionsOf(
    db,
    communityId,
    rows.map((row) => row.id),
  );
  const now = new Date();
  return rows.map((row) => summary(row, options.get(row.id) ?? [], now));
}

const eligibilityGroup = (row: Pick<PollRow, 'age_bands' | 'buildings'>) =>
  row.age_bands.length + row.buildings.length > 0
    ? { ageBands: row.age_bands, buildings: row.buildings }
    : null;

/**
 * A poll's outcome. Counts per option only once it has closed; turnout (who voted, of those who
 * could) by age band and building at any time after the close, every cell under five residents
 * shown as "<5".
 */
export async function pollResults(
  db: Db,
  { communityId, id }: { communityId: string; id: string },
): Promise<PollResults> {
  const row = await selectPolls(db, communityId).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', 'That poll could not be found.');
  const topic = await db
    .selectFrom('topics')
    .select(['id', 'title', 'kind'])
    .where('community_id', '=', communityId)
    .where('id', '=', row.topic_id)
    .executeTakeFirstOrThrow();
  const options = (await optionsOf(db, communityId, [id])).get(id) ?? [];
  const now = new Date();
  const poll = summary(row, options, now);
  const closed = poll.state === 'closed';
  const residents = await db
    .selectFrom('residents as r')
    .leftJoin('poll_voters as v', (j) =>
      j
        .onRef('v.community_id', '=', 'r.community_id')
        .onRef('v.resident_id', '=', 'r.id')
        .on('v.poll_id', '=', id),
    )
    .select(['r.birth_year', 'r.building', sql<boolean>`v.resident_id is not null`.as('voted')])
    .where('r.community_id', '=', communityId)
    .execute();
  const group = eligibilityGroup(row);
  const eligible = residents.filter(
    (resident) =>
      resident.voted ||
      isInvited(group, { birthYear: resident.birth_year, building: resident.building }, row.year),
  );
  const voters = eligible.filter((resident) => resident.voted).length;
  const turnoutBy = (key: (resident: (typeof eligible)[number]) => string) => {
    const groups = new Map<string, { eligible: number; voters: number }>();
    for (const resident of eligible) {
      const name = key(resident);
      const counts = groups.get(name) ?? { eligible: 0, voters: 0 };
      counts.eligible += 1;
      if (resident.voted) counts.voters += 1;
      groups.set(name, counts);
    }
    return [...groups.entries()].map(([name, counts]) => ({
      group: name,
      eligible: smallGroupCell(counts.eligible),
      voters: smallGroupCell(counts.voters),
      rate: rateCell(counts.voters, counts.eligible),
    }));
  };
  const bandOrder = (name: string) => {
    const index = ageBands.indexOf(name as AgeBand);
    return index === -1 ? ageBands.length : index;
  };
  return {
    poll,
    topic: { id: topic.id, title: topic.title, kind: topic.kind as TopicKind },
    counts: closed ? options.map((option) => ({ optionId: option.id, votes: option.votes })) : null,
    eligible: eligible.length,
    voters,
    turnout: closed
      ? {
          byAgeBand: turnoutBy(
            (resident) => ageBandOf(resident.birth_year, row.year) ?? 'unknown',
          ).sort((a, b) => bandOrder(a.group) - bandOrder(b.group)),
          byBuilding: turnoutBy((resident) => resident.building ?? 'unknown').sort((a, b) =>
            a.group.localeCompare(b.group),
          ),
        }
      : null,
  };
}

/**
 * The polls a resident sees at the kiosk or on the phone: open now, or closed within the last
 * 30 days (with whether they voted); the ones they may not vote in are marked, not hidden.
 */
export async function residentPolls(
  db: Db,
  { communityId, residentId }: { communityId: string; residentId: string },
): Promise<ResidentPoll[]> {
  const rows = await selectPolls(db, communityId)
    .innerJoin('topics as t', (j) =>
      j.onRef('t.community_id', '=', 'p.community_id').onRef('t.id', '=', 'p.topic_id'),
    )
    .leftJoin('poll_voters as me', (j) =>
      j
        .onRef('me.community_id', '=', 'p.community_id')
        .onRef('me.poll_id', '=', 'p.id')
        .on('me.resident_id', '=', residentId),
    )
    .select([
      't.title as topic_title',
      't.kind as topic_kind',
      sql<boolean>`me.resident_id is not null`.as('voted'),
      'me.option_id as my_option_id',
    ])
    .where('p.opens_at', '<=', sql<Date>`now()`)
    .where(sql<boolean>`coalesce(p.closed_early_at, p.closes_at) > now() - interval '30 days'`)
    .orderBy('p.closes_at', 'desc')
    .orderBy('p.id')
    .execute();
  const resident = await db
    .selectFrom('residents')
    .select(['birth_year', 'building'])
    .where('community_id', '=', communityId)
    .where('id', '=', residentId)
    .executeTakeFirstOrThrow();
  const options = await optionsOf(
    db,
    communityId,
    rows.map((row) => row.id),
  );
  const now = new Date();
  return rows.map((row) => ({
    ...summary(row, options.get(row.id) ?? [], now),
    topicTitle: row.topic_title,
    topicKind: row.topic_kind as TopicKind,
    voted: row.voted,
    myOptionId: row.my_option_id,
    eligible: isInvited(
      eligibilityGroup(row),
      { birthYear: resident.birth_year, building: resident.building },
      row.year,
    ),
  }));
}

/** Closed polls of the last 90 days with their counts, for the public board. */
export async function closedPollsForBoard(db: Db, communityId: string) {
  const rows = await selectPolls(db, communityId)
    .innerJoin('topics as t', (j) =>
      j.onRef('t.community_id', '=', 'p.community_id').onRef('t.id', '=', 'p.topic_id'),
    )
    .select(['t.title as topic_title', 't.kind as topic_kind'])
    .where(sql<boolean>`coalesce(p.closed_early_at, p.closes_at) <= now()`)
    .where(sql<boolean>`coalesce(p.closed_early_at, p.closes_at) > now() - interval '90 days'`)
    .orderBy('p.closes_at', 'desc')
    .orderBy('p.id')
    .execute();
  const options = await optionsOf(
    db,
    communityId,
    rows.map((row) => row.id),
  );
  const results = [];
  for (const row of rows) {
    const outcome = await pollResults(db, { communityId, id: row.id });
    results.push({
      pollId: row.id,
      topicId: row.topic_id,
      topicTitle: row.topic_title,
      topicKind: row.topic_kind as TopicKind,
      question: { zh: row.question_zh, en: row.question_en },
      closesAt: (row.closed_early_at ?? row.closes_at).toISOString(),
      options: (options.get(row.id) ?? []).map((option) => ({
        id: option.id,
        text: { zh: option.zh, en: option.en },
        votes: option.votes,
      })),
      voters: outcome.voters,
      eligible: outcome.eligible,
    });
  }
  return results;
}
