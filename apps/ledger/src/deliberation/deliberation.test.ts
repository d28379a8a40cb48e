import type { Database } from '@tally/db/schema';
import { describeEachDatabase } from '@tally/db/testing';
import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  givenActivityResident,
  givenActivityTeam,
  givenPublishedActivity,
  hoursFromNow,
  key,
  moveActivity,
} from '../activities/test-helpers';
import { startPhoneSession } from '../auth/phone-sessions';
import { type ApiClient, apiClient, expectApiError, serveDuring } from '../test/api';

// Community deliberation (issue 15) through the real service on both databases: a topic from
// raising to carrying out with who may do what, polls with eligibility, results only after the
// close, exactly one vote per resident however many arrive at once, and a secret ballot that
// nothing stored can join to its voter.

describeEachDatabase('deliberation', (database) => {
  const server = serveDuring(database);
  const db = () => database().db;

  async function givenCommunity(members = 3) {
    const team = await givenActivityTeam(server, database(), { members });
    const onPhone = async (resident: { id: string }) => {
      const { token } = await startPhoneSession(db(), {
        communityId: team.communityId,
        signedInAs: { kind: 'resident', id: resident.id },
        actingFor: resident.id,
        remember: false,
        device: 'test phone',
      });
      return apiClient(server.url, { token });
    };
    return { ...team, onPhone };
  }

  async function acceptedTopic(office: ApiClient) {
    const { id } = await office.topics.raise.mutate({
      idempotencyKey: key(),
      title: '3号楼无障碍坡道',
      body: '轮椅进出不便',
      place: '3号楼',
      kind: 'facilities',
    });
    await office.topics.triage.mutate({ idempotencyKey: key(), id, decision: 'accept' });
    return id;
  }

  function pollInput(topicId: string, overrides: Record<string, unknown> = {}) {
    return {
      idempotencyKey: key(),
      topicId,
      question: { zh: '坡道建在哪一侧？', en: 'Which side should the ramp go on?' },
      options: [
        { zh: '东侧', en: 'East' },
        { zh: '西侧', en: 'West' },
        { zh: '都不要', en: 'Neither' },
      ],
      opensAt: hoursFromNow(-1),
      closesAt: hoursFromNow(24),
      secret: true,
      ...overrides,
    };
  }

  describe('a topic, from raising to carrying out', () => {
    it('goes raised → accepted → consulted → decided → carried out, each step in its history', async () => {
      const given = await givenCommunity(3);
      const { office, leader, organization, residents, atKiosk, onPhone } = given;
      const [raiser, supporter, other] = residents;
      if (!raiser || !supporter || !other) throw new Error('three residents');

      // A resident raises it at the kiosk by taps; a neighbour supports it on the phone.
      const kiosk = await atKiosk(raiser);
      const raised = await kiosk.kiosk.raiseTopic.mutate({
        idempotencyKey: key(),
        kind: 'facilities',
        place: '3号楼',
      });
      expect(raised.status).toBe('raised');
      const phone = await onPhone(supporter);
      const open = await phone.me.topics.query({ view: 'open' });
      expect(open.items.map((topic) => topic.id)).toContain(raised.id);
      const supported = await phone.topics.support.mutate({ idempotencyKey: key(), id: raised.id });
      expect(supported).toEqual({ id: raised.id, supporters: 2, added: true });
      const again = await phone.topics.support.mutate({ idempotencyKey: key(), id: raised.id });
      expect(again).toEqual({ id: raised.id, supporters: 2, added: false });

      // Leaders may raise and read, not triage; the office accepts.
      await expectApiError(
        leader.api.topics.triage.mutate({
          idempotencyKey: key(),
          id: raised.id,
          decision: 'accept',
        }),
        'FORBIDDEN',
      );
      await office.api.topics.triage.mutate({
        idempotencyKey: key(),
        id: raised.id,
        decision: 'accept',
        plannedFor: '2027-01-15',
      });
      await expectApiError(
        office.api.topics.triage.mutate({
          idempotencyKey: key(),
          id: raised.id,
          decision: 'accept',
        }),
        'TOPIC_NOT_OPEN',
      );

      // The consultation meeting is a community-affairs activity; another kind is refused.
      const reading = await givenPublishedActivity(leader.api, organization.id);
      await expectApiError(
        office.api.topics.linkMeeting.mutate({
          idempotencyKey: key(),
          id: raised.id,
          activityId: reading.id,
        }),
        'VALIDATION_FAILED',
      );
      const meeting = await givenPublishedActivity(leader.api, organization.id, {
        title: { zh: '坡道议事会', en: 'Ramp meeting' },
        category: 'community_affairs',
      });
      await office.api.topics.linkMeeting.mutate({
        idempotencyKey: key(),
        id: raised.id,
        activityId: meeting.id,
      });
      await moveActivity(db(), meeting.id, { startedHoursAgo: 3, hours: 2 });
      for (const resident of [raiser, supporter]) {
        await leader.api.activities.checkIn.mutate({
          idempotencyKey: key(),
          activityId: meeting.id,
          cardNumber: resident.cardNumber,
        });
      }
      await leader.api.activities.close.mutate({ idempotencyKey: key(), id: meeting.id });
      const consulted = await office.api.topics.get.query({ id: raised.id });
      expect(consulted.status).toBe('consulted');
      expect(consulted.meetings).toMatchObject([{ activityId: meeting.id, attended: 2 }]);
      // Attendance went the Activities way: pending community-affairs service records.
      const records = await db()
        .selectFrom('service_records')
        .select(['category', 'status'])
        .where('community_id', '=', given.communityId)
        .execute();
      expect(records).toEqual([
        { category: 'community_affairs', status: 'pending' },
        { category: 'community_affairs', status: 'pending' },
      ]);

      await office.api.topics.recordDecision.mutate({
        idempotencyKey: key(),
        id: raised.id,
        decision: '在3号楼东侧修建坡道',
        responsible: '物业服务中心',
        dueBy: '2027-03-01',
        minutes: '多数发言支持东侧（近电梯）；有居民担心占用绿地。',
      });
      await office.api.topics.reportProgress.mutate({
        idempotencyKey: key(),
        id: raised.id,
        note: '已完成设计',
      });
      const done = await office.api.topics.reportProgress.mutate({
        idempotencyKey: key(),
        id: raised.id,
        note: '1月12日：3号楼坡道建成',
        done: true,
      });
      expect(done.status).toBe('carried_out');

      const topic = await office.api.topics.get.query({ id: raised.id });
      expect(topic.history.map((step) => step.kind)).toEqual([
        'raised',
        'accepted',
        'meeting_linked',
        'consulted',
        'decided',
        'progress',
        'carried_out',
      ]);
      expect(topic.history[0]?.by.type).toBe('resident');
      expect(topic.history[1]?.by).toEqual({ type: 'staff', name: 'Test office' });
      expect(topic.history[3]?.by.type).toBe('system');
      expect(topic).toMatchObject({
        title: null,
        kind: 'facilities',
        place: '3号楼',
        supporters: 2,
        plannedFor: '2027-01-15',
        decision: '在3号楼东侧修建坡道',
        responsible: '物业服务中心',
        dueBy: '2027-03-01',
      });

      // Residents read the decision and its follow-up, on the phone and on the board.
      const decided = await phone.me.topics.query({ view: 'decided' });
      expect(decided.items.find((item) => item.id === raised.id)).toMatchObject({
        status: 'carried_out',
        progress: { note: '1月12日：3号楼坡道建成' },
      });
      const board = await kiosk.kiosk.governance.query();
      // The minutes go on the board with the decision.
      expect(board.decisions.find((item) => item.topicId === raised.id)).toMatchObject({
        decision: '在3号楼东侧修建坡道',
        minutes: '多数发言支持东侧（近电梯）；有居民担心占用绿地。',
      });
      expect(board.decisions.find((item) => item.topicId === raised.id)?.progress).toMatchObject([
        { note: '已完成设计' },
        { note: '1月12日：3号楼坡道建成' },
      ]);
      // The audit log has every step, under the names the API pins.
      const actions = await db()
        .selectFrom('audit_log')
        .select('action')
        .where('community_id', '=', given.communityId)
        .where((eb) => eb.or([eb('action', 'like', 'topics.%'), eb('action', 'like', '%Topic')]))
        .orderBy('id')
        .execute();
      expect(actions.map((row) => row.action)).toEqual([
        'kiosk.raiseTopic',
        'me.supportTopic',
        'topics.accept',
        'topics.linkMeeting',
        'topics.recordDecision',
        'topics.reportProgress',
        'topics.reportProgress',
      ]);
      // The audit log names a topic raised by kind only by its kind, in each language.
      const accepted = await office.api.audit.list.query({ action: 'topics.accept' });
      expect(accepted.items[0]?.targetName).toEqual({
        zh: '设施维修',
        en: 'Repairs and facilities',
      });
    });

    it('declines with a reason the raiser reads, and merges supporters into another topic', async () => {
      const { office, residents, atKiosk, onPhone } = await givenCommunity(2);
      const [raiser, neighbour] = residents;
      if (!raiser || !neighbour) throw new Error('two residents');
      const phone = await onPhone(raiser);
      const mine = await phone.me.raiseTopic.mutate({
        idempotencyKey: key(),
        kind: 'environment',
        title: '小区里养鸡',
      });
      await expectApiError(
        office.api.topics.triage.mutate({
          idempotencyKey: key(),
          id: mine.id,
          decision: 'decline',
        }),
        'VALIDATION_FAILED',
      );
      await office.api.topics.triage.mutate({
        idempotencyKey: key(),
        id: mine.id,
        decision: 'decline',
        reason: '属于城管执法范围，已转交街道。',
      });
      const seen = await phone.me.topics.query({ view: 'mine' });
      expect(seen.items).toMatchObject([
        { id: mine.id, status: 'declined', declineReason: '属于城管执法范围，已转交街道。' },
      ]);
      await expectApiError(
        (await atKiosk(neighbour)).topics.support.mutate({ idempotencyKey: key(), id: mine.id }),
        'TOPIC_NOT_OPEN',
      );

      // Two topics about parking: the second joins the first, with its supporters.
      const first = await office.api.topics.raise.mutate({
        idempotencyKey: key(),
        title: '停车难',
        kind: 'neighbours',
      });
      const second = await (await atKiosk(neighbour)).kiosk.raiseTopic.mutate({
        idempotencyKey: key(),
        kind: 'neighbours',
      });
      await office.api.topics.triage.mutate({
        idempotencyKey: key(),
        id: second.id,
        decision: 'merge',
        mergeInto: first.id,
      });
      const merged = await office.api.topics.get.query({ id: second.id });
      expect(merged.status).toBe('merged');
      expect(merged.mergedInto?.id).toBe(first.id);
      expect((await office.api.topics.get.query({ id: first.id })).supporters).toBe(1);
    });

    it('lets auditors read but not change; flags a decision past its day as overdue', async () => {
      const { office, auditor } = await givenCommunity(1);
      const id = await acceptedTopic(office.api);
      await expectApiError(
        auditor.api.topics.recordDecision.mutate({
          idempotencyKey: key(),
          id,
          decision: 'x',
          responsible: 'y',
          dueBy: '2026-01-01',
        }),
        'FORBIDDEN',
      );
      await office.api.topics.recordDecision.mutate({
        idempotencyKey: key(),
        id,
        decision: '更换路灯',
        responsible: '物业',
        dueBy: '2026-01-01',
      });
      const overdue = await auditor.api.topics.list.query({ overdue: true });
      expect(overdue.items).toMatchObject([{ id, overdue: true, status: 'decided' }]);
      const board = await office.api.notices.governance.query();
      expect(board.decisions).toMatchObject([{ topicId: id, overdue: true }]);
    });
  });

  describe('in the structure report', () => {
    it('counts who raised, supported, attended and voted, by age band and building', async () => {
      const { office, communityId, atKiosk, onPhone } = await givenCommunity(0);
      const year = new Date().getFullYear();
      const elders = [];
      for (let i = 0; i < 6; i++) {
        elders.push(
          await givenActivityResident(db(), communityId, { birthYear: year - 70, building: '3' }),
        );
      }
      for (let i = 0; i < 5; i++) {
        await givenActivityResident(db(), communityId, { birthYear: year - 25, building: '7' });
      }
      const [raiser, ...rest] = elders;
      if (!raiser) throw new Error('residents');
      const { id } = await (await atKiosk(raiser)).kiosk.raiseTopic.mutate({
        idempotencyKey: key(),
        kind: 'safety',
      });
      await office.api.topics.triage.mutate({ idempotencyKey: key(), id, decision: 'accept' });
      const { id: pollId } = await office.api.polls.open.mutate(pollInput(id));
      const [first] = (await office.api.polls.results.query({ id: pollId })).poll.options;
      for (const resident of rest) {
        const phone = await onPhone(resident);
        await phone.topics.support.mutate({ idempotencyKey: key(), id });
        await phone.me.vote.mutate({ idempotencyKey: key(), pollId, optionId: first?.id ?? '' });
      }
      const report = await office.api.insights.structure.query({ last: 'last_30_days' });
      expect(report.governance.total).toMatchObject({
        residents: 11,
        raised: '<5',
        supported: 6,
        voted: 5,
        tookPart: 6,
        rate: 0.5455,
      });
      expect(report.governance.byAgeBand.find((g) => g.group === '60_74')).toMatchObject({
        residents: 6,
        tookPart: 6,
        rate: 1,
      });
      expect(report.governance.byBuilding.find((g) => g.group === '7')).toMatchObject({
        residents: 5,
        tookPart: '<5',
        rate: '<5',
      });
    });
  });

  describe('polls', () => {
    it('counts exactly one of 50 votes sent at once by one resident from the kiosk and the phone', async () => {
      const { office, residents, atKiosk, onPhone } = await givenCommunity(1);
      const [resident] = residents;
      if (!resident) throw new Error('a resident');
      const topicId = await acceptedTopic(office.api);
      const { id: pollId } = await office.api.polls.open.mutate(pollInput(topicId));
      const options = (await office.api.polls.results.query({ id: pollId })).poll.options;
      const kiosk = await atKiosk(resident);
      const phone = await onPhone(resident);
      const outcomes = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) => {
          const input = {
            idempotencyKey: key(),
            pollId,
            optionId: options[i % options.length]?.id ?? '',
          };
          return i % 2 === 0 ? kiosk.kiosk.vote.mutate(input) : phone.me.vote.mutate(input);
        }),
      );
      const counted = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      expect(counted).toHaveLength(1);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') {
          expect(outcome.reason.data?.domainCode).toBe('ALREADY_VOTED');
        }
      }
      await office.api.polls.close.mutate({ idempotencyKey: key(), id: pollId });
      const results = await office.api.polls.results.query({ id: pollId });
      expect(results.counts?.reduce((sum, option) => sum + option.votes, 0)).toBe(1);
      expect(results.voters).toBe(1);
    });

    it('lets only the group it asks vote, only while it is open, and shows counts only after', async () => {
      const { office, communityId, atKiosk, onPhone } = await givenCommunity(0);
      const year = new Date().getFullYear();
      const elder = await givenActivityResident(db(), communityId, {
        birthYear: year - 80,
        building: '3号楼',
      });
      const young = await givenActivityResident(db(), communityId, {
        birthYear: year - 25,
        building: '3号楼',
      });
      const elsewhere = await givenActivityResident(db(), communityId, {
        birthYear: year - 80,
        building: '5号楼',
      });
      const topicId = await acceptedTopic(office.api);
      const { id: pollId } = await office.api.polls.open.mutate(
        pollInput(topicId, { eligibility: { ageBands: ['75_plus'], buildings: ['3号楼'] } }),
      );
      const [east] = (await office.api.polls.results.query({ id: pollId })).poll.options;
      const vote = (api: ApiClient, via: 'kiosk' | 'me') =>
        api[via].vote.mutate({ idempotencyKey: key(), pollId, optionId: east?.id ?? '' });
      await expectApiError(vote(await atKiosk(young), 'kiosk'), 'NOT_ELIGIBLE');
      await expectApiError(vote(await onPhone(elsewhere), 'me'), 'NOT_ELIGIBLE');
      const answer = await vote(await atKiosk(elder), 'kiosk');
      expect(answer.optionId).toBeNull();
      const polls = await (await onPhone(young)).me.polls.query();
      expect(polls.items).toMatchObject([{ id: pollId, eligible: false, voted: false }]);

      const before = await office.api.polls.results.query({ id: pollId });
      expect(before).toMatchObject({ counts: null, turnout: null, voters: 1, eligible: 1 });
      await office.api.polls.close.mutate({ idempotencyKey: key(), id: pollId });
      await expectApiError(vote(await onPhone(elder), 'me'), 'POLL_CLOSED');
      const after = await office.api.polls.results.query({ id: pollId });
      expect(after.counts?.map((option) => option.votes)).toEqual([1, 0, 0]);
      // One voter of one: every turnout cell is too small a group to show.
      expect(after.turnout?.byBuilding).toEqual([
        { group: '3号楼', eligible: '<5', voters: '<5', rate: '<5' },
      ]);
      const board = await office.api.notices.governance.query();
      expect(board.polls).toMatchObject([{ pollId, voters: 1, eligible: 1 }]);
      expect(board.polls[0]?.options.map((option) => option.votes)).toEqual([1, 0, 0]);

      const later = await office.api.polls.open.mutate(
        pollInput(topicId, { opensAt: hoursFromNow(2), closesAt: hoursFromNow(4) }),
      );
      const [first] = (await office.api.polls.results.query({ id: later.id })).poll.options;
      await expectApiError(
        (await atKiosk(elder)).kiosk.vote.mutate({
          idempotencyKey: key(),
          pollId: later.id,
          optionId: first?.id ?? '',
        }),
        'POLL_CLOSED',
      );
    });

    it('lets a vote in an open ballot change until the close when the office allows it', async () => {
      const { office, residents, onPhone } = await givenCommunity(1);
      const [resident] = residents;
      if (!resident) throw new Error('a resident');
      const topicId = await acceptedTopic(office.api);
      const { id: pollId } = await office.api.polls.open.mutate(
        pollInput(topicId, { secret: false, changeable: true }),
      );
      const [east, west] = (await office.api.polls.results.query({ id: pollId })).poll.options;
      const phone = await onPhone(resident);
      const first = await phone.me.vote.mutate({
        idempotencyKey: key(),
        pollId,
        optionId: east?.id ?? '',
      });
      expect(first).toMatchObject({ optionId: east?.id, changed: false });
      const changed = await phone.me.vote.mutate({
        idempotencyKey: key(),
        pollId,
        optionId: west?.id ?? '',
      });
      expect(changed).toMatchObject({ optionId: west?.id, changed: true });
      await expectApiError(
        phone.me.vote.mutate({ idempotencyKey: key(), pollId, optionId: west?.id ?? '' }),
        'ALREADY_VOTED',
      );
      await office.api.polls.close.mutate({ idempotencyKey: key(), id: pollId });
      const after = await office.api.polls.results.query({ id: pollId });
      expect(after.counts?.map((option) => option.votes)).toEqual([0, 1, 0]);
      // A secret ballot cannot be changeable.
      await expectApiError(
        office.api.polls.open.mutate(pollInput(topicId, { secret: true, changeable: true })),
        'VALIDATION_FAILED',
      );
    });

    it('keeps nothing in a secret ballot that joins a choice to its voter', async () => {
      const { office, residents, atKiosk, onPhone, communityId } = await givenCommunity(4);
      const topicId = await acceptedTopic(office.api);
      const { id: pollId } = await office.api.polls.open.mutate(pollInput(topicId));
      const options = (await office.api.polls.results.query({ id: pollId })).poll.options;
      const optionIds = options.map((option) => option.id);
      for (const [index, resident] of residents.entries()) {
        const api = index % 2 === 0 ? await atKiosk(resident) : await onPhone(resident);
        const input = { idempotencyKey: key(), pollId, optionId: optionIds[index % 3] ?? '' };
        const answer = await (index % 2 === 0
          ? api.kiosk.vote.mutate(input)
          : api.me.vote.mutate(input));
        expect(answer.optionId).toBeNull();
        // After every vote, all of the poll's option rows were rewritten by the same
        // transaction: none of them points at this vote more than the others.
        const versions = await sql<{ xmin: string }>`
          select distinct xmin::text from poll_options where poll_id = ${pollId}`.execute(db());
        expect(versions.rows).toHaveLength(1);
      }
      // The voter list holds no option; no table that names a resident holds an option id, and
      // no choice has a row (and so no time, sequence or order) of its own.
      const voters = await db()
        .selectFrom('poll_voters')
        .selectAll()
        .where('poll_id', '=', pollId)
        .execute();
      expect(voters).toHaveLength(4);
      expect(voters.every((row) => row.option_id === null)).toBe(true);
      const columns = await sql<{ column_name: string }>`
        select column_name from information_schema.columns
         where table_name = 'poll_options' and table_schema = current_schema()`.execute(db());
      expect(columns.rows.map((row) => row.column_name).sort()).toEqual(
        ['community_id', 'id', 'poll_id', 'position', 'text_en', 'text_zh', 'votes'].sort(),
      );
      for (const table of ['audit_log', 'idempotent_requests', 'poll_voters', 'topic_events']) {
        const dump = await dumpOf(db(), table, communityId);
        for (const optionId of optionIds) expect(dump).not.toContain(optionId);
      }
      // Nor can a replay's stored request be tried against each option: it leaves the option out.
      const hashes = await db()
        .selectFrom('idempotent_requests')
        .select('request_hash')
        .where('community_id', '=', communityId)
        .where('operation', 'in', ['kiosk.vote', 'me.vote'])
        .execute();
      expect(hashes).toHaveLength(4);
      const { requestHashOf } = await import('../common/idempotency');
      for (const resident of residents) {
        for (const optionId of optionIds) {
          const guess = requestHashOf({ residentId: resident.id, pollId, optionId });
          expect(hashes.map((row) => row.request_hash)).not.toContain(guess);
        }
      }
    });
  });
});

/** A table's rows of one community as text, to search for an id anywhere in them. */
async function dumpOf(db: Kysely<Database>, table: string, communityId: string): Promise<string> {
  const { rows } = await sql<{ row: string }>`
    select t::text as row from ${sql.table(table)} t where community_id = ${communityId}`.execute(
    db,
  );
  return rows.map((row) => row.row).join('\n');
}
