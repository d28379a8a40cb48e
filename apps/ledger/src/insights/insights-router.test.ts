import { randomUUID } from 'node:crypto';
import { describeEachDatabase } from '@tally/db/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { givenOrganization, givenResident } from '../residents/test-helpers';
import {
  expectApiError,
  givenCommunityWithStaff,
  startTestServer,
  type TestServer,
} from '../test/api';
import { type GivenServiceRecord, givenServiceRecord } from './test-helpers';

// The server's clock (Date only: timers and the database stay real) reads
// Sunday 15 March 2026, 10:00 in Shanghai, so every figure below is worked out by hand.
const NOW = new Date('2026-03-15T10:00:00+08:00');

/** The 30 days up to 15 March with no service: the chart's empty frame. */
function emptyDays(): { date: string; minutes: number }[] {
  const days = [];
  for (let day = Date.UTC(2026, 1, 14); day <= Date.UTC(2026, 2, 15); day += 86_400_000) {
    days.push({ date: new Date(day).toISOString().slice(0, 10), minutes: 0 });
  }
  return days;
}

const noCategories = [
  'community_affairs',
  'organization_activity',
  'mutual_aid',
  'elderly_care',
  'environment',
  'culture',
  'safety',
  'other',
].map((category) => ({ category, minutes: 0 }));

describeEachDatabase('insights.dashboard', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    server = await startTestServer(database());
  });
  afterAll(async () => {
    await server.close();
    vi.useRealTimers();
  });

  const db = () => database().db;

  /** A community with an organization of four residents, a leader and a way to add service. */
  async function givenTeam() {
    const community = await givenCommunityWithStaff(server, database());
    const { communityId } = community;
    const residents = [];
    for (let i = 0; i < 4; i++) residents.push(await givenResident(db(), communityId));
    const organization = await givenOrganization(db(), communityId, { members: residents });
    const leader = await community.leaderOf([organization.id]);
    const service = (
      resident: { id: string },
      record: Omit<GivenServiceRecord, 'organizationId' | 'residentId' | 'loggedBy'>,
    ) =>
      givenServiceRecord(db(), communityId, {
        organizationId: organization.id,
        residentId: resident.id,
        loggedBy: leader.user.id,
        reviewedBy: community.office.user.id,
        ...record,
      });
    return { ...community, residents, leader, service };
  }

  async function givenReward(communityId: string, name: string, stock: number, active = true) {
    const id = randomUUID();
    await db()
      .insertInto('rewards')
      .values({ community_id: communityId, id, name_en: name, points: 10, stock, active })
      .execute();
    return id;
  }

  it("sums this month's approved service in the community's days, against a hand-worked ledger", async () => {
    const { office, communityId, residents, service } = await givenTeam();
    const [ann, bo, cy, di] = residents as [
      (typeof residents)[0],
      (typeof residents)[0],
      (typeof residents)[0],
      (typeof residents)[0],
    ];
    // Ann: first time ever this month; 00:30 on 1 March in Shanghai is still February in UTC.
    await service(ann, {
      startedAt: '2026-03-01T00:30:00+08:00',
      minutes: 60,
      category: 'culture',
    });
    await service(ann, {
      startedAt: '2026-03-15T08:00:00+08:00',
      minutes: 30,
      category: 'environment',
    });
    // Later this month: this month's minutes, but not yet a day of the chart.
    await service(ann, {
      startedAt: '2026-03-20T09:00:00+08:00',
      minutes: 15,
      category: 'culture',
    });
    await service(ann, { startedAt: '2026-03-14T09:00:00+08:00', minutes: 50, status: 'pending' });
    // Bo: took part before, so this month's participant but no first-timer.
    await service(bo, { startedAt: '2026-03-10T09:00:00+08:00', minutes: 45, category: 'culture' });
    await service(bo, {
      startedAt: '2026-02-20T09:00:00+08:00',
      minutes: 120,
      category: 'elderly_care',
    });
    await service(bo, { startedAt: '2026-02-14T00:00:00+08:00', minutes: 20 });
    // Cy: only last month; 23:30 on 28 February in Shanghai, and a day before the chart begins.
    await service(cy, { startedAt: '2026-02-28T23:30:00+08:00', minutes: 90, category: 'safety' });
    await service(cy, { startedAt: '2026-02-13T23:59:00+08:00', minutes: 25 });
    // Di: nothing approved.
    await service(di, { startedAt: '2026-03-05T14:00:00+08:00', minutes: 120, status: 'pending' });
    await service(di, { startedAt: '2026-03-06T14:00:00+08:00', minutes: 60, status: 'rejected' });

    const low = await givenReward(communityId, 'Rice', 5);
    const empty = await givenReward(communityId, 'Eggs', 0);
    await givenReward(communityId, 'Soap', 6);
    await givenReward(communityId, 'Old mugs', 1, false);

    const dashboard = await office.api.insights.dashboard.query();

    const days = emptyDays().map((day) => ({
      ...day,
      minutes:
        {
          '2026-02-14': 20,
          '2026-02-20': 120,
          '2026-02-28': 90,
          '2026-03-01': 60,
          '2026-03-10': 45,
          '2026-03-15': 30,
        }[day.date] ?? 0,
    }));
    expect(dashboard).toEqual({
      month: '2026-03',
      period: { kind: 'month', days: 15, from: '2026-03-01', to: '2026-03-15' },
      approvedMinutes: 60 + 30 + 15 + 45,
      participants: 2,
      newParticipants: 1,
      pendingApprovals: 2,
      lowStockRewards: [
        { id: empty, name: { zh: '', en: 'Eggs' }, stock: 0 },
        { id: low, name: { zh: '', en: 'Rice' }, stock: 5 },
      ],
      minutesByDay: days,
      minutesByCategory: noCategories.map(({ category }) => ({
        category,
        minutes: { culture: 120, environment: 30 }[category] ?? 0,
      })),
    });
    expect(dashboard.minutesByDay).toHaveLength(30);
  });

  it("counts the month and the days in the community's own time zone", async () => {
    const { auditor, communityId, residents, service } = await givenTeam();
    await db()
      .updateTable('communities')
      .set({ time_zone: 'America/New_York' })
      .where('id', '=', communityId)
      .execute();
    const [ann] = residents as [(typeof residents)[0]];
    // New York is at 22:00 on 14 March: 1 March began there at 05:00 UTC.
    await service(ann, { startedAt: '2026-03-01T03:00:00Z', minutes: 40 });
    await service(ann, { startedAt: '2026-03-01T06:00:00Z', minutes: 25 });
    await service(ann, { startedAt: '2026-03-15T01:00:00Z', minutes: 10 });

    const dashboard = await auditor.api.insights.dashboard.query();

    expect(dashboard).toMatchObject({ month: '2026-03', approvedMinutes: 35, participants: 1 });
    expect(dashboard.newParticipants).toBe(0);
    const chart = dashboard.minutesByDay;
    expect(chart.at(-1)).toEqual({ date: '2026-03-14', minutes: 10 });
    expect(chart.filter((day) => day.minutes > 0)).toEqual([
      { date: '2026-02-28', minutes: 40 },
      { date: '2026-03-01', minutes: 25 },
      { date: '2026-03-14', minutes: 10 },
    ]);
  });

  it('shows an empty community as zeros over the last 30 days and every category', async () => {
    const { office } = await givenCommunityWithStaff(server, database());
    expect(await office.api.insights.dashboard.query()).toEqual({
      month: '2026-03',
      // A month with no approved service yet is shown as the last 30 days, as on the kiosk.
      period: { kind: 'recentDays', days: 30, from: '2026-02-14', to: '2026-03-15' },
      approvedMinutes: 0,
      participants: 0,
      newParticipants: 0,
      pendingApprovals: 0,
      lowStockRewards: [],
      minutesByDay: emptyDays(),
      minutesByCategory: noCategories,
    });
  });

  it('counts the last 30 days early in a month, never a lone "0 hours" on the 3rd', async () => {
    // Service in March and on 1 April, read on Friday 3 April and again on the 8th (a new
    // community each time: sessions do not last five days).
    const teamOn = async (day: string) => {
      vi.setSystemTime(new Date(`${day}T10:00:00+08:00`));
      const team = await givenTeam();
      const [ann, bo] = team.residents as [(typeof team.residents)[0], (typeof team.residents)[0]];
      // Ann's first service ever; Bo served long ago too, and on 4 March, a day before the 30.
      await team.service(ann, {
        startedAt: '2026-03-10T09:00:00+08:00',
        minutes: 60,
        category: 'culture',
      });
      await team.service(bo, {
        startedAt: '2026-04-01T09:00:00+08:00',
        minutes: 30,
        category: 'safety',
      });
      await team.service(bo, { startedAt: '2026-01-05T09:00:00+08:00', minutes: 45 });
      await team.service(bo, { startedAt: '2026-03-04T23:30:00+08:00', minutes: 20 });
      return team.office.api.insights.dashboard.query();
    };
    try {
      const early = await teamOn('2026-04-03');
      expect(early).toMatchObject({
        month: '2026-04',
        period: { kind: 'recentDays', days: 30, from: '2026-03-05', to: '2026-04-03' },
        approvedMinutes: 90,
        participants: 2,
        newParticipants: 1,
      });
      expect(early.minutesByCategory.filter((c) => c.minutes > 0)).toEqual([
        { category: 'culture', minutes: 60 },
        { category: 'safety', minutes: 30 },
      ]);
      // From the 8th the month stands on its own.
      expect(await teamOn('2026-04-08')).toMatchObject({
        period: { kind: 'month', days: 8, from: '2026-04-01', to: '2026-04-08' },
        approvedMinutes: 30,
        participants: 1,
        newParticipants: 0,
      });
    } finally {
      vi.setSystemTime(NOW);
    }
  });

  it("counts only the caller's community", async () => {
    const busy = await givenTeam();
    const [ann] = busy.residents as [(typeof busy.residents)[0]];
    await busy.service(ann, { startedAt: '2026-03-02T09:00:00+08:00', minutes: 60 });
    await busy.service(ann, {
      startedAt: '2026-03-03T09:00:00+08:00',
      minutes: 60,
      status: 'pending',
    });
    await givenReward(busy.communityId, 'Rice', 1);
    const quiet = await givenCommunityWithStaff(server, database());
    expect(await quiet.office.api.insights.dashboard.query()).toMatchObject({
      approvedMinutes: 0,
      participants: 0,
      pendingApprovals: 0,
      lowStockRewards: [],
    });
  });

  describe('who may read it', () => {
    it('lets the office and auditors read it, and refuses leaders and strangers', async () => {
      const { office, auditor, leaderOf, anonymous } = await givenCommunityWithStaff(
        server,
        database(),
      );
      await office.api.insights.dashboard.query();
      await auditor.api.insights.dashboard.query();
      const leader = await leaderOf([]);
      await expectApiError(leader.api.insights.dashboard.query(), 'FORBIDDEN');
      await expectApiError(anonymous.insights.dashboard.query(), 'UNAUTHORIZED');
    });
  });
});
