import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { approve, givenTeam, logRecords } from '../service/test-helpers';
import { expectApiError, newIdempotencyKey, serveDuring } from '../test/api';
import { lastCalendarMonth } from './preview-rule';

const proposed = {
  basePointsPerHour: 30,
  categoryWeights: { elderly_care: 200 },
  dailyCapPoints: 50,
  firstParticipationBonus: 7,
};

describe('lastCalendarMonth', () => {
  it('is the whole month before, across a new year and a leap February', () => {
    expect(lastCalendarMonth('2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(lastCalendarMonth('2024-03-31')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(lastCalendarMonth('2026-11-01')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
  });
});

describeEachDatabase('rules.preview', (database) => {
  const server = serveDuring(database);

  it('replays the approved service of a period under the proposed rule', async () => {
    const team = await givenTeam(server, database(), { members: 2 });
    const { leader, office, organization } = team;
    const [ana, ben] = team.residents;
    if (!ana || !ben) throw new Error('team too small');
    const culture = { title: 'Reading club', category: 'culture', place: 'Hall' } as const;
    const care = { title: 'Visiting', category: 'elderly_care', place: 'Block 3' } as const;
    const environment = { title: 'Litter pick', category: 'environment', place: 'Park' } as const;
    const anaRecords = await logRecords(leader.api, organization.id, ana, [
      { startedAt: '2026-03-05T09:00:00+08:00', minutes: 60, activity: culture },
      { startedAt: '2026-03-05T14:00:00+08:00', minutes: 120, activity: care },
      // After the period.
      { startedAt: '2026-04-02T09:00:00+08:00', minutes: 60, activity: culture },
    ]);
    const benRecords = await logRecords(leader.api, organization.id, ben, [
      // Before the period (in Shanghai), but it is Ben's first participation.
      { startedAt: '2026-02-28T23:30:00+08:00', minutes: 60, activity: culture },
      { startedAt: '2026-03-20T10:00:00+08:00', minutes: 30, activity: environment },
      { startedAt: '2026-03-31T23:00:00+08:00', minutes: 60, activity: culture },
      // 31 March in UTC, 1 April in the community's time zone.
      { startedAt: '2026-03-31T16:30:00Z', minutes: 60, activity: culture },
    ]);
    // Under the default rule (10 points an hour, no bonus) and approved in one go.
    await approve(office.api, [...anaRecords, ...benRecords]);
    const [pending, rejected] = await logRecords(leader.api, organization.id, ana, [
      { startedAt: '2026-03-10T09:00:00+08:00', minutes: 600, activity: culture },
      { startedAt: '2026-03-11T09:00:00+08:00', minutes: 600, activity: culture },
    ]);
    await office.api.service.review.mutate({
      idempotencyKey: newIdempotencyKey(),
      recordIds: [rejected ?? ''],
      decision: 'reject',
      reason: 'Not held',
    });
    expect(pending).toBeDefined();

    const preview = await office.api.rules.preview.query({
      ...proposed,
      from: '2026-03-01',
      to: '2026-03-31',
    });

    // In the period: Ana 5 Mar culture 60' (10 paid) and care 120' (20); Ben 20 Mar environment
    // 30' (5) and 31 Mar culture 60' (10). Proposed: Ana's culture pays 30 + 7 bonus (her first
    // participation); her care would weigh 120 but the cap of 50 leaves 20; Ben's environment
    // pays 15 and his culture 30, without a bonus (his first participation was in February).
    expect(preview).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      records: 4,
      residents: 2,
      currentPoints: 10 + 20 + 5 + 10,
      proposedPoints: 37 + 20 + 15 + 30,
      residentsPaidMore: 2,
      residentsPaidLess: 0,
      campaignRecords: 0,
      campaignResidents: 0,
    });
  });

  it('covers the last calendar month in the community time zone by default', async () => {
    const team = await givenTeam(server, database(), { members: 1 });
    const [resident] = team.residents;
    if (!resident) throw new Error('team too small');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(),
    );
    const [year = 0, month = 0] = today.split('-').map(Number);
    const lastMonth = new Date(Date.UTC(year, month - 2, 15)).toISOString().slice(0, 7);
    const thisMonth = today.slice(0, 7);
    const records = await logRecords(team.leader.api, team.organization.id, resident, [
      { startedAt: `${lastMonth}-15T10:00:00+08:00`, minutes: 60 },
      { startedAt: `${thisMonth}-01T00:30:00+08:00`, minutes: 60 },
    ]);
    await approve(team.office.api, records);

    const preview = await team.office.api.rules.preview.query({
      basePointsPerHour: 60,
      categoryWeights: {},
    });

    expect(preview).toMatchObject({
      from: `${lastMonth}-01`,
      records: 1,
      residents: 1,
      currentPoints: 10,
      proposedPoints: 60,
    });
    expect(preview.to.slice(0, 7)).toBe(lastMonth);
  });

  it("never counts another community's service", async () => {
    const home = await givenTeam(server, database(), { members: 1 });
    const away = await givenTeam(server, database(), { members: 1 });
    const [resident] = away.residents;
    if (!resident) throw new Error('team too small');
    const records = await logRecords(away.leader.api, away.organization.id, resident, [
      { startedAt: '2026-03-05T09:00:00+08:00' },
    ]);
    await approve(away.office.api, records);
    const preview = await home.office.api.rules.preview.query({
      ...proposed,
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(preview).toMatchObject({
      records: 0,
      residents: 0,
      currentPoints: 0,
      proposedPoints: 0,
    });
  });

  it('is for the office only', async () => {
    const { auditor, leader } = await givenTeam(server, database(), { members: 0 });
    await expectApiError(auditor.api.rules.preview.query(proposed), 'FORBIDDEN');
    await expectApiError(leader.api.rules.preview.query(proposed), 'FORBIDDEN');
  });

  it('refuses half a period, a period ending before it starts, and more than a year', async () => {
    const { office } = await givenTeam(server, database(), { members: 0 });
    const half = await expectApiError(
      office.api.rules.preview.query({ ...proposed, from: '2026-03-01' }),
      'VALIDATION_FAILED',
    );
    expect(half.message).toContain('to');
    await expectApiError(
      office.api.rules.preview.query({ ...proposed, from: '2026-03-02', to: '2026-03-01' }),
      'VALIDATION_FAILED',
    );
    await expectApiError(
      office.api.rules.preview.query({ ...proposed, from: '2025-01-01', to: '2026-03-01' }),
      'VALIDATION_FAILED',
    );
    await expectApiError(
      office.api.rules.preview.query({ ...proposed, basePointsPerHour: 1.5 }),
      'VALIDATION_FAILED',
    );
  });
});
