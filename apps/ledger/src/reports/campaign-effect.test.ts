import { describeEachDatabase } from '@tally/db/testing';
import { beforeAll, expect, it } from 'vitest';
import {
  expectApiError,
  givenCommunityWithStaff,
  startTestServer,
  type TestServer,
} from '../test/api';
import { givenPeople, givenPerson, givenService, givenTeamOrganization } from './test-helpers';

// A campaign for residents under 30 (born 1997 or later) from 1 to 14 March 2026 (Shanghai),
// compared with the 14 days before it, 15–28 February:
//   6 young residents:  1 served in February; 5 served in March (one of them twice, 2 h in all)
//  10 older residents:  5 served in February; 5 in March
//   1 older resident whose card came on 10 March: counted during the campaign, not before it
// Not counted: service on 15 March (after the campaign) and on 14 February (before the stretch).
const CAMPAIGN = { from: '2026-03-01', to: '2026-03-14', ageBand: 'under_30' } as const;

describeEachDatabase('insights.campaignEffect', (database) => {
  let server: TestServer;
  let community: Awaited<ReturnType<typeof givenCommunityWithStaff>>;

  beforeAll(async () => {
    server = await startTestServer(database());
    const { db } = database();
    community = await givenCommunityWithStaff(server, database());
    const { communityId } = community;
    const young = await givenPeople(db, communityId, 6, { birthYear: 2000, building: '7' });
    const older = await givenPeople(db, communityId, 10, { birthYear: 1950, building: '3' });
    const newcomer = await givenPerson(db, communityId, {
      birthYear: 1960,
      cardIssuedAt: '2026-03-10T10:00:00+08:00',
    });
    const organization = await givenTeamOrganization(db, communityId);
    const at = (residentId: string, startedAt: string, minutes = 60) => ({
      residentId,
      startedAt,
      minutes,
    });
    await givenService(
      db,
      { communityId, organizationId: organization.id, loggedBy: community.office.user.id },
      [
        at(young[0]?.id ?? '', '2026-02-20T09:00:00+08:00'),
        at(young[1]?.id ?? '', '2026-02-14T09:00:00+08:00'),
        ...young.slice(0, 5).map((r) => at(r.id, '2026-03-05T09:00:00+08:00')),
        at(young[0]?.id ?? '', '2026-03-14T23:00:00+08:00'),
        at(young[5]?.id ?? '', '2026-03-15T00:30:00+08:00'),
        ...older.slice(0, 5).map((r) => at(r.id, '2026-02-16T09:00:00+08:00', 120)),
        ...older.slice(5).map((r) => at(r.id, '2026-03-02T09:00:00+08:00', 30)),
        at(newcomer.id, '2026-03-12T09:00:00+08:00'),
      ],
    );
  });

  it("shows the group's participation before and during the campaign beside everyone else's", async () => {
    const effect = await community.office.api.insights.campaignEffect.query(CAMPAIGN);
    expect(effect).toEqual({
      timeZone: 'Asia/Shanghai',
      before: { from: '2026-02-15', to: '2026-02-28' },
      during: { from: '2026-03-01', to: '2026-03-14' },
      // One young resident served before: too few to show, and so is their rate.
      group: {
        before: { residents: 6, participants: '<5', rate: '<5', hours: '<5' },
        during: { residents: 6, participants: 5, rate: 0.8333, hours: 6 },
      },
      everyoneElse: {
        before: { residents: 10, participants: 5, rate: 0.5, hours: 10 },
        during: { residents: 11, participants: 6, rate: 0.5455, hours: 3.5 },
      },
    });
  });

  it('measures a campaign for one building, and for everyone without anyone else', async () => {
    const { api } = community.office;
    const building = await api.insights.campaignEffect.query({
      ...CAMPAIGN,
      ageBand: undefined,
      building: '3',
    });
    expect(building.group.during).toEqual({
      residents: 10,
      participants: 5,
      rate: 0.5,
      hours: 2.5,
    });
    expect(building.everyoneElse?.during).toMatchObject({ residents: 7, participants: 6 });

    const everyone = await api.insights.campaignEffect.query({
      from: CAMPAIGN.from,
      to: CAMPAIGN.to,
    });
    expect(everyone.group.during).toMatchObject({ residents: 17, participants: 11 });
    expect(everyone.everyoneElse).toBeNull();
  });

  it('has nothing yet to show for a campaign that has not started', async () => {
    const effect = await community.office.api.insights.campaignEffect.query({
      from: '2099-06-01',
      to: '2099-06-10',
      ageBand: 'under_30',
    });
    expect(effect.during).toBeNull();
    expect(effect.before).toEqual({ from: '2099-05-22', to: '2099-05-31' });
    expect(effect.group.during).toBeNull();
    expect(effect.everyoneElse?.during).toBeNull();
  });

  it('is for the office and auditors, about their own community only', async () => {
    const { auditor, leaderOf } = community;
    await expect(auditor.api.insights.campaignEffect.query(CAMPAIGN)).resolves.toMatchObject({
      group: { during: { participants: 5 } },
    });
    const leader = await leaderOf([]);
    await expectApiError(leader.api.insights.campaignEffect.query(CAMPAIGN), 'FORBIDDEN');

    const other = await givenCommunityWithStaff(server, database());
    const elsewhere = await other.office.api.insights.campaignEffect.query(CAMPAIGN);
    expect(elsewhere.group.during).toEqual({
      residents: '<5',
      participants: '<5',
      rate: '<5',
      hours: '<5',
    });
    await expectApiError(
      community.office.api.insights.campaignEffect.query({ ...CAMPAIGN, to: '2026-02-01' }),
      'VALIDATION_FAILED',
    );
  });
});
