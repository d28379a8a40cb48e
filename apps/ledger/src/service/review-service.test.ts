import { CHECK_VIOLATION } from '@tally/db/errors';
import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { getTransaction } from '../ledger/read-transactions';
import { expectApiError, newIdempotencyKey, serveDuring } from '../test/api';
import {
  approve,
  balancesOf,
  countRows,
  givenOfficeUser,
  givenTeam,
  logRecords,
  sheet,
} from './test-helpers';

describeEachDatabase('service.review', (database) => {
  const server = serveDuring(database);

  async function loggedByLeader(minutes = 90) {
    const team = await givenTeam(server, database(), { members: 1 });
    const [resident] = team.residents;
    if (!resident) throw new Error('team has no member');
    const [recordId] = await logRecords(team.leader.api, team.organization.id, resident, [
      { minutes },
    ]);
    if (!recordId) throw new Error('nothing logged');
    return { ...team, resident, recordId };
  }

  describe('approving', () => {
    it('credits the minutes and the points of the rule in force, naming its version', async () => {
      const { office, resident, recordId, communityId } = await loggedByLeader(90);
      const before = await balancesOf(database(), communityId, resident);

      const { records } = await approve(office.api, [recordId]);

      // The default rule (version 1): 10 points an hour, so 90 minutes earn 15 points.
      expect(records).toEqual([
        {
          id: recordId,
          status: 'approved',
          points: 15,
          ruleVersion: 1,
          transactionId: expect.any(String),
        },
      ]);
      expect(await balancesOf(database(), communityId, resident)).toEqual({
        points: before.points + 15,
        minutes: before.minutes + 90,
      });
      const transaction = await getTransaction(
        database().db,
        communityId,
        records[0]?.transactionId ?? '',
      );
      expect(transaction).toMatchObject({
        kind: 'service_credit',
        reference: { type: 'service_record', id: recordId },
        actor: { type: 'staff', id: office.user.id },
      });
      expect(transaction?.memo).toContain('Reading club');
      expect(transaction?.memo).toContain('earning rule v1');
      expect(transaction?.postings).toEqual(
        expect.arrayContaining([
          { accountId: resident.minutesAccountId, unit: 'minutes', amount: 90 },
          { accountId: resident.pointsAccountId, unit: 'points', amount: 15 },
        ]),
      );
    });

    it('stores the outcome on the record and shows it in the list', async () => {
      const { office, recordId } = await loggedByLeader(90);
      const { records } = await approve(office.api, [recordId]);
      const { items } = await office.api.service.list.query({});
      expect(items[0]).toMatchObject({
        id: recordId,
        status: 'approved',
        reviewedBy: { id: office.user.id, displayName: 'Test office' },
        points: 15,
        bonusPoints: 0,
        ruleVersion: 1,
        transactionId: records[0]?.transactionId,
      });
    });

    it('pays under the newest published version', async () => {
      const { office, resident, recordId, communityId } = await loggedByLeader(60);
      await office.api.rules.publish.mutate({
        idempotencyKey: newIdempotencyKey(),
        basePointsPerHour: 20,
        categoryWeights: {},
      });
      await office.api.rules.publish.mutate({
        idempotencyKey: newIdempotencyKey(),
        basePointsPerHour: 30,
        categoryWeights: { culture: 150 },
      });
      const { records } = await approve(office.api, [recordId]);
      expect(records[0]).toMatchObject({ points: 45, ruleVersion: 2 });
      expect((await balancesOf(database(), communityId, resident)).points).toBe(45);
      const transaction = await getTransaction(
        database().db,
        communityId,
        records[0]?.transactionId ?? '',
      );
      expect(transaction?.memo).toContain('earning rule v2');
    });

    it('caps a day by the points already credited and pays the first-participation bonus once', async () => {
      const team = await givenTeam(server, database(), { members: 1 });
      const { office, leader, organization, communityId } = team;
      const resident = team.residents[0];
      if (!resident) throw new Error('team has no member');
      await office.api.rules.publish.mutate({
        idempotencyKey: newIdempotencyKey(),
        basePointsPerHour: 60,
        categoryWeights: {},
        dailyCapPoints: 100,
        firstParticipationBonus: 50,
      });
      const [morning, noon, afternoon, nextDay] = await logRecords(
        leader.api,
        organization.id,
        resident,
        [
          { startedAt: '2026-03-10T09:00:00+08:00', minutes: 60 },
          { startedAt: '2026-03-10T11:00:00+08:00', minutes: 60 },
          { startedAt: '2026-03-10T14:00:00+08:00', minutes: 30 },
          // Still 10 March in UTC, but 11 March in the community's time zone (Asia/Shanghai).
          { startedAt: '2026-03-10T16:30:00Z', minutes: 30 },
        ],
      );
      if (!morning || !noon || !afternoon || !nextDay) throw new Error('not logged');

      // Asked in reverse: credits still follow the order the service happened.
      const first = await approve(office.api, [noon, morning]);
      expect(first.records.map((r) => [r.id, r.points])).toEqual([
        [noon, 40],
        [morning, 60 + 50],
      ]);
      const capped = await approve(office.api, [afternoon]);
      expect(capped.records[0]?.points).toBe(0);
      const tomorrow = await approve(office.api, [nextDay]);
      expect(tomorrow.records[0]?.points).toBe(30);

      expect(await balancesOf(database(), communityId, resident)).toEqual({
        points: 110 + 40 + 0 + 30,
        minutes: 180,
      });
      const zeroPoints = await getTransaction(
        database().db,
        communityId,
        capped.records[0]?.transactionId ?? '',
      );
      expect(zeroPoints?.postings.map((p) => p.unit)).toEqual(['minutes', 'minutes']);
    });
  });

  describe('rejecting', () => {
    it('rejects with a reason and credits nothing', async () => {
      const { office, resident, recordId, communityId } = await loggedByLeader();
      const { records } = await office.api.service.review.mutate({
        idempotencyKey: newIdempotencyKey(),
        recordIds: [recordId],
        decision: 'reject',
        reason: 'Not on the sign-in sheet',
      });
      expect(records).toEqual([{ id: recordId, status: 'rejected' }]);
      expect(await balancesOf(database(), communityId, resident)).toEqual({
        points: 0,
        minutes: 0,
      });
      const { items } = await office.api.service.list.query({ status: 'rejected' });
      expect(items[0]).toMatchObject({ id: recordId, reason: 'Not on the sign-in sheet' });
    });

    it('refuses a rejection without a reason', async () => {
      const { office, recordId } = await loggedByLeader();
      const error = await expectApiError(
        office.api.service.review.mutate({
          idempotencyKey: newIdempotencyKey(),
          recordIds: [recordId],
          decision: 'reject',
        }),
        'VALIDATION_FAILED',
      );
      expect(error.message).toContain('reason');
      await expectApiError(
        office.api.service.review.mutate({
          idempotencyKey: newIdempotencyKey(),
          recordIds: [recordId],
          decision: 'reject',
          reason: '   ',
        }),
        'VALIDATION_FAILED',
      );
      const { items } = await office.api.service.list.query({});
      expect(items[0]?.status).toBe('pending');
    });
  });

  describe('maker–checker and roles', () => {
    it('refuses an office user approving service they logged; another office user may', async () => {
      const team = await givenTeam(server, database(), { members: 1 });
      const [resident] = team.residents;
      if (!resident) throw new Error('team has no member');
      const [recordId] = await logRecords(team.office.api, team.organization.id, resident, [{}]);
      if (!recordId) throw new Error('not logged');
      const own = await expectApiError(approve(team.office.api, [recordId]), 'SELF_APPROVAL');
      expect(own.data).toMatchObject({ details: { recordIds: [recordId] } });
      await expectApiError(
        team.office.api.service.review.mutate({
          idempotencyKey: newIdempotencyKey(),
          recordIds: [recordId],
          decision: 'reject',
          reason: 'Changed my mind',
        }),
        'SELF_APPROVAL',
      );
      const colleague = await givenOfficeUser(server, database(), team.communityId);
      const { records } = await approve(colleague.api, [recordId]);
      expect(records[0]?.status).toBe('approved');
    });

    it('is held by the database too: a record never names its logger as reviewer', async () => {
      const { leader, recordId, communityId } = await loggedByLeader();
      await expect(
        database()
          .db.updateTable('service_records')
          .set({ status: 'approved', reviewed_by: leader.user.id })
          .where('community_id', '=', communityId)
          .where('id', '=', recordId)
          .execute(),
      ).rejects.toMatchObject({ code: CHECK_VIOLATION });
    });

    it('refuses leaders and auditors', async () => {
      const { leader, auditor, recordId } = await loggedByLeader();
      await expectApiError(approve(leader.api, [recordId]), 'FORBIDDEN');
      await expectApiError(approve(auditor.api, [recordId]), 'FORBIDDEN');
    });

    it("cannot see another community's records", async () => {
      const { recordId, communityId } = await loggedByLeader();
      const away = await givenTeam(server, database());
      await expectApiError(approve(away.office.api, [recordId]), 'NOT_FOUND');
      expect(await countRows(database(), 'ledger_transactions', communityId)).toBe(0);
    });
  });

  describe('all or nothing', () => {
    it('refuses a batch holding an already reviewed record and changes none of it', async () => {
      const team = await givenTeam(server, database(), { members: 2 });
      const { records } = await team.leader.api.service.log.mutate(
        sheet(team.organization.id, team.residents),
      );
      const [done, pending] = records.map((r) => r.id);
      if (!done || !pending) throw new Error('not logged');
      await approve(team.office.api, [done]);
      await expectApiError(approve(team.office.api, [pending, done]), 'ALREADY_REVIEWED');
      const { items } = await team.office.api.service.list.query({ status: 'pending' });
      expect(items.map((r) => r.id)).toEqual([pending]);
      expect(await countRows(database(), 'ledger_transactions', team.communityId)).toBe(1);
    });

    it('credits a record once when two reviews race for it', async () => {
      const { office, recordId, communityId, resident } = await loggedByLeader(60);
      const colleague = await givenOfficeUser(server, database(), communityId);
      const outcomes = await Promise.allSettled([
        approve(office.api, [recordId]),
        approve(colleague.api, [recordId]),
      ]);
      const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
      expect(failures).toHaveLength(1);
      await expectApiError(Promise.reject(failures[0]), 'ALREADY_REVIEWED');
      expect(await balancesOf(database(), communityId, resident)).toEqual({
        points: 10,
        minutes: 60,
      });
    });
  });

  describe('exactly once', () => {
    it('returns the first result for a replay and posts nothing new', async () => {
      const { office, recordId, communityId, resident } = await loggedByLeader(60);
      const request = {
        idempotencyKey: newIdempotencyKey(),
        recordIds: [recordId],
        decision: 'approve' as const,
      };
      const first = await office.api.service.review.mutate(request);
      const replay = await office.api.service.review.mutate(request);
      expect(replay).toEqual(first);
      expect(await countRows(database(), 'ledger_transactions', communityId)).toBe(1);
      expect((await balancesOf(database(), communityId, resident)).points).toBe(10);
    });

    it('refuses the same key for a different decision', async () => {
      const { office, recordId } = await loggedByLeader();
      const idempotencyKey = newIdempotencyKey();
      await office.api.service.review.mutate({
        idempotencyKey,
        recordIds: [recordId],
        decision: 'approve',
      });
      await expectApiError(
        office.api.service.review.mutate({
          idempotencyKey,
          recordIds: [recordId],
          decision: 'reject',
          reason: 'Oops',
        }),
        'IDEMPOTENCY_CONFLICT',
      );
    });
  });

  it('records the decision in the audit log', async () => {
    const { office, recordId, communityId } = await loggedByLeader(60);
    await approve(office.api, [recordId]);
    const entry = await database()
      .db.selectFrom('audit_log')
      .selectAll()
      .where('community_id', '=', communityId)
      .where('action', '=', 'service.review')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor_id: office.user.id, origin: '127.0.0.1' });
    expect(entry.details).toMatchObject({
      decision: 'approve',
      records: [{ id: recordId, status: 'approved', points: 10, ruleVersion: 1 }],
    });
  });
});
