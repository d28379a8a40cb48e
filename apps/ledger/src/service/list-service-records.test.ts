import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { givenOrganization } from '../residents/test-helpers';
import { expectApiError, newIdempotencyKey, serveDuring } from '../test/api';
import { daysAgo, givenTeam, logRecords, sheet } from './test-helpers';

const DAY = 86_400_000;

describeEachDatabase('service.list', (database) => {
  const server = serveDuring(database);

  async function givenMember() {
    const team = await givenTeam(server, database(), { members: 1 });
    const resident = team.residents[0];
    if (!resident) throw new Error('team has no member');
    return { ...team, resident };
  }

  describe('reading', () => {
    it('shows the office each record with its resident, organization and logger', async () => {
      const { office, leader, organization, resident } = await givenMember();
      const startedAt = daysAgo(3);
      const [id] = await logRecords(leader.api, organization.id, resident, [
        { note: 'Rainy', startedAt },
      ]);
      const page = await office.api.service.list.query({});
      expect(page).toEqual({
        nextCursor: null,
        items: [
          {
            id,
            organization: { id: organization.id, name: organization.name },
            resident: { id: resident.id, name: resident.name, displayName: resident.displayName },
            activity: { title: 'Reading club', category: 'culture', place: 'Community hall' },
            startedAt: new Date(startedAt).toISOString(),
            minutes: 60,
            note: 'Rainy',
            status: 'pending',
            loggedBy: { id: leader.user.id, displayName: 'Test leader' },
            loggedAt: expect.any(String),
            reviewedBy: null,
            reviewedAt: null,
            reason: null,
            points: null,
            bonusPoints: null,
            ruleVersion: null,
            transactionId: null,
            flags: [],
            loggedByLinkedAccount: false,
          },
        ],
      });
    });

    it('lets an auditor read every record', async () => {
      const { auditor, leader, organization, resident } = await givenMember();
      await logRecords(leader.api, organization.id, resident, [{}, {}]);
      expect((await auditor.api.service.list.query({})).items).toHaveLength(2);
    });

    it('shows a leader only the records of organizations they lead', async () => {
      const team = await givenMember();
      await logRecords(team.leader.api, team.organization.id, team.resident, [{}]);
      const otherOrganization = await givenOrganization(database().db, team.communityId);
      const outsider = await team.leaderOf([otherOrganization.id]);
      expect((await outsider.api.service.list.query({})).items).toEqual([]);
      await expectApiError(
        outsider.api.service.list.query({ organizationId: team.organization.id }),
        'FORBIDDEN',
      );
      expect((await team.leader.api.service.list.query({})).items).toHaveLength(1);
    });

    it("never shows another community's records", async () => {
      const home = await givenMember();
      const away = await givenMember();
      await logRecords(away.leader.api, away.organization.id, away.resident, [{}]);
      expect((await home.office.api.service.list.query({})).items).toEqual([]);
      expect(
        (await home.office.api.service.list.query({ organizationId: away.organization.id })).items,
      ).toEqual([]);
    });

    it('filters by status, resident, category and service time', async () => {
      const team = await givenTeam(server, database(), { members: 2 });
      const [ana, ben] = team.residents;
      if (!ana || !ben) throw new Error('team too small');
      const { leader, office, organization } = team;
      const [anaCulture] = await logRecords(leader.api, organization.id, ana, [
        { startedAt: '2026-03-01T09:00:00+08:00' },
      ]);
      const [anaSafety] = await logRecords(leader.api, organization.id, ana, [
        {
          startedAt: '2026-03-05T09:00:00+08:00',
          activity: { title: 'Patrol', category: 'safety', place: 'Gate' },
        },
      ]);
      const [benCulture] = await logRecords(leader.api, organization.id, ben, [
        { startedAt: '2026-03-09T09:00:00+08:00' },
      ]);
      if (!anaCulture || !anaSafety || !benCulture) throw new Error('not logged');
      await office.api.service.review.mutate({
        idempotencyKey: newIdempotencyKey(),
        recordIds: [benCulture],
        decision: 'approve',
      });
      const ids = async (filter: Parameters<typeof office.api.service.list.query>[0]) =>
        (await office.api.service.list.query(filter)).items.map((r) => r.id).sort();
      expect(await ids({ status: 'approved' })).toEqual([benCulture]);
      expect(await ids({ residentId: ana.id })).toEqual([anaCulture, anaSafety].sort());
      expect(await ids({ category: 'safety' })).toEqual([anaSafety]);
      expect(
        await ids({ from: '2026-03-05T00:00:00+08:00', to: '2026-03-09T00:00:00+08:00' }),
      ).toEqual([anaSafety]);
      expect(await ids({ organizationId: organization.id, status: 'pending' })).toEqual(
        [anaCulture, anaSafety].sort(),
      );
    });

    it('pages through records most recently logged first', async () => {
      const { office, leader, organization, resident } = await givenMember();
      const logged = await logRecords(leader.api, organization.id, resident, [{}, {}, {}]);
      const first = await office.api.service.list.query({ limit: 2 });
      expect(first.items.map((r) => r.id)).toEqual([logged[2], logged[1]]);
      expect(first.nextCursor).not.toBeNull();
      const second = await office.api.service.list.query({
        limit: 2,
        cursor: first.nextCursor ?? undefined,
      });
      expect(second).toMatchObject({ items: [{ id: logged[0] }], nextCursor: null });
    });

    it('refuses a cursor it did not hand out', async () => {
      const { office } = await givenMember();
      await expectApiError(office.api.service.list.query({ cursor: 'nope' }), 'VALIDATION_FAILED');
    });
  });

  describe('review flags', () => {
    async function flagsOf(team: Awaited<ReturnType<typeof givenMember>>) {
      const { items } = await team.office.api.service.list.query({});
      return Object.fromEntries(items.map((r) => [r.id, r.flags]));
    }

    it('flags a day with more than 12 hours logged for one resident', async () => {
      const team = await givenMember();
      const [early, late, nextDay] = await logRecords(
        team.leader.api,
        team.organization.id,
        team.resident,
        [
          { startedAt: daysAgo(3, '06:00'), minutes: 400 },
          { startedAt: daysAgo(3, '13:00'), minutes: 400 },
          { startedAt: daysAgo(2, '06:00'), minutes: 400 },
        ],
      );
      expect(await flagsOf(team)).toEqual({
        [early ?? '']: ['over_12_hours_in_day'],
        [late ?? '']: ['over_12_hours_in_day'],
        [nextDay ?? '']: [],
      });
    });

    it('flags records of one resident that overlap, unless the other was rejected', async () => {
      const team = await givenMember();
      const [first, second, apart] = await logRecords(
        team.leader.api,
        team.organization.id,
        team.resident,
        [
          { startedAt: daysAgo(3, '10:00'), minutes: 120 },
          { startedAt: daysAgo(3, '11:00'), minutes: 60 },
          // Starts as the first one ends: touching is not overlapping.
          { startedAt: daysAgo(3, '12:00'), minutes: 60 },
        ],
      );
      if (!second) throw new Error('not logged');
      expect(await flagsOf(team)).toEqual({
        [first ?? '']: ['overlapping'],
        [second]: ['overlapping'],
        [apart ?? '']: [],
      });
      await team.office.api.service.review.mutate({
        idempotencyKey: newIdempotencyKey(),
        recordIds: [second],
        decision: 'reject',
        reason: 'Double entry',
      });
      expect((await flagsOf(team))[first ?? '']).toEqual([]);
    });

    it('flags service in the future and service logged more than 30 days late', async () => {
      const team = await givenMember();
      const [future, late, timely] = await logRecords(
        team.leader.api,
        team.organization.id,
        team.resident,
        [
          // This evening's activity, logged ahead (more than a day ahead is refused).
          { startedAt: new Date(Date.now() + 10 * 3_600_000).toISOString() },
          { startedAt: new Date(Date.now() - 40 * DAY).toISOString() },
          { startedAt: new Date(Date.now() - 20 * DAY).toISOString() },
        ],
      );
      expect(await flagsOf(team)).toEqual({
        [future ?? '']: ['future_date'],
        [late ?? '']: ['logged_late'],
        [timely ?? '']: [],
      });
    });

    it("flags service a leader logged for a resident with the leader's own name", async () => {
      // The test leader's display name is "Test leader".
      const team = await givenTeam(server, database(), { memberNames: ['test Leader', 'Li Na'] });
      const { records } = await team.leader.api.service.log.mutate(
        sheet(team.organization.id, team.residents, { startedAt: daysAgo(1) }),
      );
      const { items } = await team.office.api.service.list.query({});
      const flags = Object.fromEntries(items.map((r) => [r.resident.name, r.flags]));
      expect(records).toHaveLength(2);
      expect(flags).toEqual({ 'test Leader': ['self_logged'], 'Li Na': [] });
    });
  });
});
