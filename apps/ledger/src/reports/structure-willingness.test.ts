import { describeEachDatabase } from '@tally/db/testing';
import type { ReportInput, StructureReport } from '@tally/domain/reports';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectApiError,
  givenCommunityWithStaff,
  startTestServer,
  type TestServer,
} from '../test/api';
import { givenPeople, givenPerson, givenService, givenTeamOrganization } from './test-helpers';

// A hand-computed community of 24 residents, reported on for January–March 2026 (Shanghai).
//
// Age bands at the period's end (2026): under 30 = born 1997 (29) and later; 30–44 = born
// 1982–1996; 45–59 = 1967–1981; 60–74 = 1952–1966; 75+ = 1951 and earlier.
//   under_30: 5 (born 1997)            building B   1 serves (20 Feb and 25 Mar)
//   30_44:    5 (3 born 1996, 2 1982)  building B   one served on 1 May 2025 only
//   45_59:    2 (1981, 1967)           no building  —
//   60_74:    6 (3 born 1966, 3 1952)  building A   all serve 10 Mar, 60 min (their first)
//   75_plus:  5 (born 1951)            building A   all serve 10 Nov 2025 and 15 Jan, 120 min;
//                                                   one also 1 Feb, 300 min
//   unknown:  1 (no birth year)        no building  serves 31 Mar 23:30, 30 min (first)
// Not counted: a service at 00:30 on 1 April, a pending and a rejected one in March.
const PERIOD = { from: '2026-01-01', to: '2026-03-31' };

describeEachDatabase('insights.structure and insights.willingness', (database) => {
  let server: TestServer;
  let community: Awaited<ReturnType<typeof givenCommunityWithStaff>>;

  beforeAll(async () => {
    server = await startTestServer(database());
    const { db } = database();
    community = await givenCommunityWithStaff(server, database());
    const { communityId } = community;
    const under30 = await givenPeople(db, communityId, 5, { birthYear: 1997, building: 'B' });
    const thirties = [
      ...(await givenPeople(db, communityId, 3, { birthYear: 1996, building: 'B' })),
      ...(await givenPeople(db, communityId, 2, { birthYear: 1982, building: 'B' })),
    ];
    await givenPerson(db, communityId, { birthYear: 1981 });
    await givenPerson(db, communityId, { birthYear: 1967 });
    const sixties = [
      ...(await givenPeople(db, communityId, 3, { birthYear: 1966, building: 'A' })),
      ...(await givenPeople(db, communityId, 3, { birthYear: 1952, building: 'A' })),
    ];
    const seventyFives = await givenPeople(db, communityId, 5, { birthYear: 1951, building: 'A' });
    const unknown = await givenPerson(db, communityId, {});
    const organization = await givenTeamOrganization(db, communityId);
    const [young] = under30;
    const [thirty] = thirties;
    const [eldest] = seventyFives;
    if (!young || !thirty || !eldest) throw new Error('too few people');
    await givenService(
      db,
      { communityId, organizationId: organization.id, loggedBy: community.office.user.id },
      [
        { residentId: young.id, startedAt: '2026-02-20T09:00:00+08:00' },
        { residentId: young.id, startedAt: '2026-03-25T09:00:00+08:00' },
        { residentId: thirty.id, startedAt: '2025-05-01T09:00:00+08:00' },
        ...sixties.map((r) => ({ residentId: r.id, startedAt: '2026-03-10T09:00:00+08:00' })),
        ...seventyFives.flatMap((r) => [
          { residentId: r.id, startedAt: '2025-11-10T09:00:00+08:00', minutes: 120 },
          { residentId: r.id, startedAt: '2026-01-15T09:00:00+08:00', minutes: 120 },
        ]),
        { residentId: eldest.id, startedAt: '2026-02-01T09:00:00+08:00', minutes: 300 },
        { residentId: unknown.id, startedAt: '2026-03-31T23:30:00+08:00', minutes: 30 },
        { residentId: thirty.id, startedAt: '2026-04-01T00:30:00+08:00' },
        { residentId: thirty.id, startedAt: '2026-03-05T09:00:00+08:00', status: 'pending' },
        { residentId: thirty.id, startedAt: '2026-03-06T09:00:00+08:00', status: 'rejected' },
      ],
    );
  });
  afterAll(() => server.close());

  describe('insights.structure', () => {
    let report: StructureReport;
    beforeAll(async () => {
      report = await community.office.api.insights.structure.query(PERIOD);
    });

    it('counts residents and participants by age band at the edges the report states', () => {
      const period = report.windows.find((w) => w.window === 'period');
      expect(period?.byAgeBand).toEqual([
        { group: 'under_30', residents: 5, participants: '<5', rate: '<5' },
        { group: '30_44', residents: 5, participants: '<5', rate: '<5' },
        { group: '45_59', residents: '<5', participants: '<5', rate: '<5' },
        { group: '60_74', residents: 6, participants: 6, rate: 1 },
        { group: '75_plus', residents: 5, participants: 5, rate: 1 },
        { group: 'unknown', residents: '<5', participants: '<5', rate: '<5' },
      ]);
      expect(period?.total).toEqual({
        group: 'all',
        residents: 24,
        participants: 13,
        rate: 0.5417,
      });
      expect(report.ageBands.find((band) => band.id === '30_44')).toEqual({
        id: '30_44',
        minAge: 30,
        maxAge: 44,
      });
    });

    it('counts by building, in natural order, the unknown last', () => {
      const period = report.windows.find((w) => w.window === 'period');
      expect(period?.byBuilding).toEqual([
        { group: 'A', residents: 11, participants: 11, rate: 1 },
        { group: 'B', residents: 10, participants: '<5', rate: '<5' },
        { group: 'unknown', residents: '<5', participants: '<5', rate: '<5' },
      ]);
    });

    it('counts the last 30, 90 and 365 days up to the period end', () => {
      const totals = Object.fromEntries(report.windows.map((w) => [w.window, w.total]));
      expect(report.windows.map(({ window, from, to }) => ({ window, from, to }))).toEqual([
        { window: 'period', from: '2026-01-01', to: '2026-03-31' },
        { window: 'last_30_days', from: '2026-03-02', to: '2026-03-31' },
        { window: 'last_90_days', from: '2026-01-01', to: '2026-03-31' },
        { window: 'last_365_days', from: '2025-04-01', to: '2026-03-31' },
      ]);
      // 30 days: the six in their sixties, the resident with no birth year, the young one.
      expect(totals.last_30_days?.participants).toBe(8);
      expect(totals.last_365_days?.participants).toBe(14);
    });

    it('tells new participants per month from returning ones', () => {
      expect(report.newParticipantsByMonth).toEqual([
        { month: '2026-01', newParticipants: '<5' },
        { month: '2026-02', newParticipants: '<5' },
        { month: '2026-03', newParticipants: 7 },
      ]);
      expect(report).toMatchObject({
        participants: 13,
        newParticipants: 8,
        returningParticipants: 5,
      });
    });

    it('measures the share of hours given by the top tenth of participants', () => {
      // 13 participants: the top 2 gave 420 + 120 of 1410 minutes.
      expect(report.concentration).toEqual({
        topParticipants: '<5',
        topShareOfHours: 0.383,
        totalHours: 23.5,
      });
    });

    it('calls out the groups taking part least, lowest first', () => {
      expect(report.underRepresented).toEqual([
        {
          dimension: 'age_band',
          group: '30_44',
          residents: 5,
          participants: '<5',
          rate: '<5',
          overallRate: 0.5417,
        },
        {
          dimension: 'building',
          group: 'B',
          residents: 10,
          participants: '<5',
          rate: '<5',
          overallRate: 0.5417,
        },
        {
          dimension: 'age_band',
          group: 'under_30',
          residents: 5,
          participants: '<5',
          rate: '<5',
          overallRate: 0.5417,
        },
      ]);
    });

    it('narrows to an organization: its members and its service', async () => {
      const other = await givenTeamOrganization(database().db, community.communityId);
      const narrowed = await community.auditor.api.insights.structure.query({
        ...PERIOD,
        organizationId: other.id,
      });
      expect(narrowed.period.organizationId).toBe(other.id);
      expect(narrowed.windows[0]?.total).toEqual({
        group: 'all',
        residents: '<5',
        participants: '<5',
        rate: '<5',
      });
    });
  });

  describe('insights.willingness', () => {
    it('follows residents from the first step to the second within 90 days', async () => {
      const report = await community.auditor.api.insights.willingness.query(PERIOD);
      // Served by 31 March: 13 in the period and the one from May 2025. Came back within 90
      // days: the five over-75s (10 Nov → 15 Jan, 66 days) and the young one (33 days).
      expect(report.funnel).toEqual({
        residents: 24,
        servedOnce: 14,
        servedAgainWithin90Days: 6,
        firstStepRate: 0.5833,
        secondStepRate: 0.4286,
      });
      // First steps in the period: the six in their sixties, the young one, the unknown one.
      expect(report.firstStepsInPeriod).toEqual({
        residents: 8,
        servedAgainWithin90Days: '<5',
        stillWithin90Days: 7,
      });
      // Cards issued 1 June 2025: 264 days (young), 282 (six), 303 (unknown) → median 282.
      expect(report.medianDaysCardToFirstService).toBe(282);
    });
  });

  describe('who may read reports', () => {
    it('refuses leaders and anonymous callers', async () => {
      const leader = await community.leaderOf([]);
      await expectApiError(leader.api.insights.structure.query(PERIOD), 'FORBIDDEN');
      await expectApiError(leader.api.insights.willingness.query(PERIOD), 'FORBIDDEN');
      await expectApiError(community.anonymous.insights.motivation.query(PERIOD), 'UNAUTHORIZED');
    });

    it("never counts another community's residents or opens its organizations", async () => {
      const away = await givenCommunityWithStaff(server, database());
      const report = await away.office.api.insights.structure.query(PERIOD);
      expect(report.windows[0]?.total).toEqual({
        group: 'all',
        residents: '<5',
        participants: '<5',
        rate: '<5',
      });
      const ours = await givenTeamOrganization(database().db, community.communityId);
      await expectApiError(
        away.office.api.insights.organizations.query({ ...PERIOD, organizationId: ours.id }),
        'NOT_FOUND',
      );
    });

    it('refuses half a period, a period ending before it starts and one over three years', async () => {
      const { api } = community.office;
      await expectApiError(
        api.insights.structure.query({ from: '2026-01-01' }),
        'VALIDATION_FAILED',
      );
      await expectApiError(
        api.insights.willingness.query({ from: '2026-03-02', to: '2026-03-01' }),
        'VALIDATION_FAILED',
      );
      await expectApiError(
        api.insights.structure.query({ from: '2020-01-01', to: '2026-03-01' }),
        'VALIDATION_FAILED',
      );
    });

    it('reports the last 365 days up to today when no period is given', async () => {
      const report = await community.office.api.insights.willingness.query({});
      const { from, to } = report.period;
      expect((Date.parse(to) - Date.parse(from)) / 86_400_000).toBe(364);
    });

    it("counts a preset back from the community's today, not the reader's", async () => {
      const { rows } = await sql<{ today: string }>`
        select to_char(now() at time zone time_zone, 'YYYY-MM-DD') as today
          from communities where id = ${community.communityId}`.execute(database().db);
      const today = rows[0]?.today ?? '';
      const period = async (last: ReportInput['last']) =>
        (await community.auditor.api.insights.structure.query({ last })).period;
      expect(await period('last_30_days')).toMatchObject({ to: today });
      expect(
        (Date.parse(today) - Date.parse((await period('last_30_days')).from)) / 86_400_000,
      ).toBe(29);
      expect(await period('this_year')).toMatchObject({
        from: `${today.slice(0, 4)}-01-01`,
        to: today,
      });
      await expectApiError(
        community.office.api.insights.structure.query({
          last: 'last_90_days',
          from: today,
          to: today,
        }),
        'VALIDATION_FAILED',
      );
    });
  });

  describe('GET /reports/<report>.csv', () => {
    const get = (path: string, token?: string) =>
      fetch(`${server.url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

    it('downloads a report as a spreadsheet with the same figures, small groups hidden', async () => {
      const response = await get(
        `/reports/structure.csv?from=${PERIOD.from}&to=${PERIOD.to}`,
        community.auditor.token,
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      expect(response.headers.get('content-disposition')).toContain(
        'structure-2026-01-01-2026-03-31.csv',
      );
      const bytes = new Uint8Array(await response.arrayBuffer());
      // The byte-order mark tells spreadsheets the file is UTF-8 (names are often Chinese).
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes);
      expect(text.startsWith('Section,Item,Measure,Value\r\n')).toBe(true);
      expect(text).toContain('Who takes part,Period / By age band / 30–44,Residents,5\r\n');
      expect(text).toContain('Who takes part,Period / By age band / 30–44,Participants,<5\r\n');
      expect(text).toContain('Concentration,,Their share of all hours,0.383\r\n');
    });

    it('speaks Chinese when asked, ids turned into words', async () => {
      const response = await get(
        `/reports/structure.csv?from=${PERIOD.from}&to=${PERIOD.to}&lang=zh`,
        community.office.token,
      );
      const text = (await response.text()).replace(/^\uFEFF/, '');
      expect(text.startsWith('部分,项目,指标,数值\r\n')).toBe(true);
      expect(text).toContain('谁在参与,统计范围 / 按年龄段 / 30–44岁,居民,5\r\n');
      expect(text).not.toMatch(/byAgeBand|30_44|topShareOfHours/);
    });

    it('serves every report', async () => {
      for (const name of ['willingness', 'motivation', 'organizations']) {
        const response = await get(`/reports/${name}.csv`, community.office.token);
        expect(response.status).toBe(200);
      }
    });

    it('asks for a sign-in, an office or auditor role, a known report and a valid period', async () => {
      expect((await get('/reports/structure.csv')).status).toBe(401);
      const leader = await community.leaderOf([]);
      expect((await get('/reports/structure.csv', leader.token)).status).toBe(403);
      expect((await get('/reports/secrets.csv', community.office.token)).status).toBe(404);
      const bad = await get(
        '/reports/structure.csv?from=2026-03-02&to=2026-03-01',
        community.office.token,
      );
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ domainCode: 'VALIDATION_FAILED' });
    });
  });
});
