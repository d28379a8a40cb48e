import { describeEachDatabase, type TestDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { givenKiosk } from '../kiosk/test-helpers';
import {
  approve,
  balancesOf,
  givenOfficeUser,
  givenTeam,
  logRecords,
} from '../service/test-helpers';
import {
  type ApiClient,
  expectApiError,
  newIdempotencyKey,
  serveDuring,
  type TestServer,
} from '../test/api';

/** A team whose member has one approved hour (10 points under the default rule), at a kiosk. */
async function givenApprovedHour(
  server: TestServer,
  database: TestDatabase,
  { minutes = 60, members = 1 }: { minutes?: number; members?: number } = {},
) {
  const team = await givenTeam(server, database, { members });
  const [resident, neighbour] = team.residents;
  if (!resident) throw new Error('team has no member');
  const [recordId] = await logRecords(team.leader.api, team.organization.id, resident, [
    { minutes },
  ]);
  if (!recordId) throw new Error('nothing logged');
  await approve(team.office.api, [recordId]);
  const kiosk = await givenKiosk(server, database.db, team.communityId);
  const atKiosk = async (who: { cardNumber: string }) => {
    const { residentToken } = await kiosk.api.kiosk.identify.mutate({
      cardNumber: who.cardNumber,
      pin: '1234',
    });
    return kiosk.asResident(residentToken);
  };
  return {
    ...team,
    resident,
    neighbour,
    recordId,
    kiosk,
    residentApi: await atKiosk(resident),
    atKiosk,
  };
}

function wrongHours(serviceRecordId: string, proposedMinutes = 90) {
  return {
    idempotencyKey: newIdempotencyKey(),
    kind: 'wrong_hours' as const,
    serviceRecordId,
    reason: 'I stayed for the whole afternoon',
    proposedMinutes,
  };
}

function accept(api: ApiClient, id: string, extra: Record<string, unknown> = {}) {
  return api.corrections.resolve.mutate({
    idempotencyKey: newIdempotencyKey(),
    id,
    decision: 'accept',
    reason: 'Checked against the sign-in sheet',
    ...extra,
  });
}

describeEachDatabase('correction requests', (database) => {
  const server = serveDuring(database);

  describe('the kiosk history', () => {
    it('tells the day of the service beside the day it was credited', async () => {
      const { residentApi } = await givenApprovedHour(server, database());
      const { items } = await residentApi.kiosk.history.query({});
      const credit = items.find((item) => item.kind === 'service_credit');
      // The sheet was for 10 March (Shanghai); the credit came with today's approval.
      expect(credit).toMatchObject({ minutes: 60, serviceDate: '2026-03-10' });
      expect(credit?.createdAt.slice(0, 10)).not.toBe('2026-03-10');
      expect(items.filter((item) => item.kind !== 'service_credit')).not.toContainEqual(
        expect.objectContaining({ serviceDate: expect.any(String) }),
      );
    });
  });

  describe('wrong hours, end to end', () => {
    it('is raised at the kiosk, accepted by the office, and posted as a reversal and a corrected record', async () => {
      const { office, resident, recordId, residentApi, communityId } = await givenApprovedHour(
        server,
        database(),
      );
      const records = await residentApi.kiosk.myRecords.query({});
      expect(records.items).toMatchObject([{ id: recordId, minutes: 60, correctable: true }]);

      const requested = await residentApi.kiosk.requestCorrection.mutate(wrongHours(recordId));
      expect(requested).toMatchObject({
        kind: 'wrong_hours',
        status: 'open',
        proposedMinutes: 90,
        record: { id: recordId, minutes: 60 },
        officeReason: null,
      });
      expect((await residentApi.kiosk.myRecords.query({})).items[0]?.correctable).toBe(false);
      await expectApiError(
        residentApi.kiosk.requestCorrection.mutate(wrongHours(recordId, 120)),
        'DUPLICATE',
      );

      const queue = await office.api.corrections.list.query({ status: 'open' });
      expect(queue.items.map((c) => c.id)).toEqual([requested.id]);
      expect(queue.items[0]?.resident.id).toBe(resident.id);

      const key = newIdempotencyKey();
      const resolve = () =>
        office.api.corrections.resolve.mutate({
          idempotencyKey: key,
          id: requested.id,
          decision: 'accept',
          reason: 'Checked against the sign-in sheet',
        });
      const resolved = await resolve();
      expect(resolved).toMatchObject({
        status: 'accepted',
        resolution: {
          decision: 'accept',
          correctedMinutes: 90,
          reversalTransactionId: expect.any(String),
          newRecord: { status: 'approved', points: 15 },
        },
      });
      expect(await resolve()).toEqual(resolved);
      await expectApiError(accept(office.api, requested.id), 'CORRECTION_CLOSED');

      // 10 points and 60 minutes reversed; 15 points and 90 minutes credited.
      expect(await balancesOf(database(), communityId, resident)).toEqual({
        points: 15,
        minutes: 90,
      });
      const reversal = await office.api.ledger.transaction.query({
        id: resolved.resolution?.reversalTransactionId ?? '',
      });
      expect(reversal.kind).toBe('reversal');
      expect((await office.api.ledger.verify.mutate()).ok).toBe(true);

      const mine = await residentApi.kiosk.myCorrections.query({});
      expect(mine.items).toMatchObject([
        {
          status: 'accepted',
          officeReason: 'Checked against the sign-in sheet',
          correctedMinutes: 90,
        },
      ]);
      const actions = await database()
        .db.selectFrom('audit_log')
        .select(['action', 'actor_type'])
        .where('community_id', '=', communityId)
        .where('action', 'like', 'corrections.%')
        .orderBy('id')
        .execute();
      expect(actions).toEqual([
        { action: 'corrections.request', actor_type: 'kiosk' },
        { action: 'corrections.accept', actor_type: 'staff' },
      ]);
      // The notice board shows the corrected record, not the reversed one.
      const board = await office.api.notices.list.query({});
      expect(board.items.map((n) => n.minutes)).toEqual([90]);
    });

    it('can take a record off altogether (0 minutes): a reversal only', async () => {
      const { office, resident, recordId, residentApi, communityId } = await givenApprovedHour(
        server,
        database(),
      );
      const { id } = await residentApi.kiosk.requestCorrection.mutate(wrongHours(recordId, 0));
      const resolved = await accept(office.api, id);
      expect(resolved.resolution).toMatchObject({ correctedMinutes: 0, newRecord: null });
      expect(await balancesOf(database(), communityId, resident)).toEqual({
        points: 0,
        minutes: 0,
      });
    });

    it('keeps the first-participation bonus with the corrected record', async () => {
      const team = await givenTeam(server, database(), { members: 1 });
      const [resident] = team.residents;
      if (!resident) throw new Error('no member');
      await team.office.api.rules.publish.mutate({
        idempotencyKey: newIdempotencyKey(),
        basePointsPerHour: 10,
        categoryWeights: {},
        firstParticipationBonus: 20,
      });
      const [recordId = ''] = await logRecords(team.leader.api, team.organization.id, resident, [
        { minutes: 60 },
      ]);
      await approve(team.office.api, [recordId]);
      const kiosk = await givenKiosk(server, database().db, team.communityId);
      const { residentToken } = await kiosk.api.kiosk.identify.mutate({
        cardNumber: resident.cardNumber,
        pin: '1234',
      });
      const { id } = await kiosk
        .asResident(residentToken)
        .kiosk.requestCorrection.mutate(wrongHours(recordId, 120));
      const resolved = await accept(team.office.api, id);
      expect(resolved.resolution?.newRecord?.points).toBe(20 + 20);
      expect(await balancesOf(database(), team.communityId, resident)).toEqual({
        points: 40,
        minutes: 120,
      });
    });

    it('is never approved by whoever logged the service', async () => {
      const team = await givenTeam(server, database(), { members: 1 });
      const [resident] = team.residents;
      if (!resident) throw new Error('no member');
      const second = await givenOfficeUser(server, database(), team.communityId);
      const [recordId = ''] = await logRecords(team.office.api, team.organization.id, resident, [
        { minutes: 60 },
      ]);
      await approve(second.api, [recordId]);
      const kiosk = await givenKiosk(server, database().db, team.communityId);
      const { residentToken } = await kiosk.api.kiosk.identify.mutate({
        cardNumber: resident.cardNumber,
        pin: '1234',
      });
      const { id } = await kiosk
        .asResident(residentToken)
        .kiosk.requestCorrection.mutate(wrongHours(recordId));
      await expectApiError(accept(team.office.api, id), 'SELF_APPROVAL');
      expect((await accept(second.api, id)).status).toBe('accepted');
    });
  });

  describe('declining', () => {
    it('records a reason the resident reads at the kiosk and posts nothing', async () => {
      const { office, resident, recordId, residentApi, communityId } = await givenApprovedHour(
        server,
        database(),
      );
      const { id } = await residentApi.kiosk.requestCorrection.mutate(wrongHours(recordId));
      await expectApiError(
        office.api.corrections.resolve.mutate({
          idempotencyKey: newIdempotencyKey(),
          id,
          decision: 'decline',
          reason: '',
        }),
        'VALIDATION_FAILED',
      );
      const declined = await office.api.corrections.resolve.mutate({
        idempotencyKey: newIdempotencyKey(),
        id,
        decision: 'decline',
        reason: 'The sheet shows you left at 15:00',
      });
      expect(declined).toMatchObject({ status: 'declined', resolution: { decision: 'decline' } });
      const [mine] = (await residentApi.kiosk.myCorrections.query({})).items;
      expect(mine).toMatchObject({
        status: 'declined',
        officeReason: 'The sheet shows you left at 15:00',
      });
      expect(await balancesOf(database(), communityId, resident)).toEqual({
        points: 10,
        minutes: 60,
      });
      // Declined, the record may be disputed again.
      expect((await residentApi.kiosk.myRecords.query({})).items[0]?.correctable).toBe(true);
    });
  });

  describe('a missing record', () => {
    it('is logged by the office for the resident and credited once a second reviewer approves it', async () => {
      const { office, organization, resident, residentApi, communityId } = await givenApprovedHour(
        server,
        database(),
      );
      const { id } = await residentApi.kiosk.requestCorrection.mutate({
        idempotencyKey: newIdempotencyKey(),
        kind: 'missing_record',
        reason: 'The clean-up on Saturday is not in my history',
        proposedMinutes: 120,
      });
      await expectApiError(accept(office.api, id), 'VALIDATION_FAILED');
      const record = {
        organizationId: organization.id,
        activity: { title: 'Courtyard clean-up', category: 'environment', place: 'Courtyard' },
        startedAt: '2026-03-14T09:00:00+08:00',
        minutes: 120,
      };
      const resolved = await accept(office.api, id, { record });
      expect(resolved.resolution).toMatchObject({
        correctedMinutes: 120,
        newRecord: { status: 'pending', points: null },
      });
      const newRecordId = resolved.resolution?.newRecord?.id ?? '';
      await expectApiError(approve(office.api, [newRecordId]), 'SELF_APPROVAL');
      const second = await givenOfficeUser(server, database(), communityId);
      await approve(second.api, [newRecordId]);
      expect(await balancesOf(database(), communityId, resident)).toEqual({
        points: 30,
        minutes: 180,
      });
      const after = await office.api.corrections.get.query({ id });
      expect(after.resolution?.newRecord).toMatchObject({ status: 'approved', points: 20 });
    });
  });

  describe('who may ask and who may answer', () => {
    it('lets a resident dispute only their own approved, still-counted records', async () => {
      const { leader, organization, recordId, neighbour, atKiosk } = await givenApprovedHour(
        server,
        database(),
        { members: 2 },
      );
      if (!neighbour) throw new Error('no neighbour');
      const neighbourApi = await atKiosk(neighbour);
      await expectApiError(
        neighbourApi.kiosk.requestCorrection.mutate(wrongHours(recordId)),
        'NOT_FOUND',
      );
      const [pending = ''] = await logRecords(leader.api, organization.id, neighbour, [{}]);
      await expectApiError(
        neighbourApi.kiosk.requestCorrection.mutate(wrongHours(pending)),
        'NOT_CORRECTABLE',
      );
      await expectApiError(
        neighbourApi.kiosk.requestCorrection.mutate({
          idempotencyKey: newIdempotencyKey(),
          kind: 'wrong_hours',
          reason: 'Wrong',
        }),
        'VALIDATION_FAILED',
      );
    });

    it('needs an identified resident at a registered kiosk', async () => {
      const { kiosk, recordId, anonymous } = await givenApprovedHour(server, database());
      await expectApiError(
        kiosk.api.kiosk.requestCorrection.mutate(wrongHours(recordId)),
        'SESSION_EXPIRED',
      );
      await expectApiError(anonymous.kiosk.myCorrections.query({}), 'UNAUTHORIZED');
    });

    it('returns the first request for a replay and refuses the key for another', async () => {
      const { recordId, residentApi } = await givenApprovedHour(server, database());
      const request = wrongHours(recordId);
      const first = await residentApi.kiosk.requestCorrection.mutate(request);
      expect(await residentApi.kiosk.requestCorrection.mutate(request)).toEqual(first);
      await expectApiError(
        residentApi.kiosk.requestCorrection.mutate({ ...request, reason: 'Something else' }),
        'IDEMPOTENCY_CONFLICT',
      );
      expect((await residentApi.kiosk.myCorrections.query({})).items).toHaveLength(1);
    });

    it('lets only the office resolve, auditors read, and no other community see', async () => {
      const { auditor, leader, recordId, residentApi } = await givenApprovedHour(
        server,
        database(),
      );
      const { id } = await residentApi.kiosk.requestCorrection.mutate(wrongHours(recordId));
      await expectApiError(accept(auditor.api, id), 'FORBIDDEN');
      await expectApiError(accept(leader.api, id), 'FORBIDDEN');
      await expectApiError(leader.api.corrections.list.query({}), 'FORBIDDEN');
      expect((await auditor.api.corrections.list.query({})).items.map((c) => c.id)).toEqual([id]);
      const away = await givenTeam(server, database(), { members: 0 });
      expect((await away.office.api.corrections.list.query({})).items).toEqual([]);
      await expectApiError(accept(away.office.api, id), 'NOT_FOUND');
      await expectApiError(away.office.api.corrections.get.query({ id }), 'NOT_FOUND');
    });
  });
});
