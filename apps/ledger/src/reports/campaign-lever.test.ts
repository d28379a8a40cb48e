import { describeEachDatabase } from '@tally/db/testing';
import { expect, it } from 'vitest';
import { addMember } from '../organizations/create-organization';
import { approve, logRecords } from '../service/test-helpers';
import {
  expectApiError,
  givenCommunityWithStaff,
  newIdempotencyKey,
  serveDuring,
} from '../test/api';
import { givenPerson, givenTeamOrganization } from './test-helpers';

// The office's lever for an under-represented group: a campaign bonus in the earning rule.
const campaign = {
  bonusPercent: 50,
  from: '2026-03-01',
  to: '2026-03-31',
  ageBand: 'under_30',
  building: '7',
} as const;

describeEachDatabase('a campaign bonus for an under-represented group', (database) => {
  const server = serveDuring(database);

  async function givenCampaignCommunity() {
    const community = await givenCommunityWithStaff(server, database());
    const { db } = database();
    const { communityId } = community;
    const organization = await givenTeamOrganization(db, communityId);
    const young = await givenPerson(db, communityId, { birthYear: 2000, building: '7' });
    const older = await givenPerson(db, communityId, { birthYear: 1950, building: '7' });
    for (const resident of [young, older]) {
      await addMember(db, {
        communityId,
        organizationId: organization.id,
        residentId: resident.id,
      });
    }
    const leader = await community.leaderOf([organization.id]);
    return { ...community, organization, young, older, leader };
  }

  it('is published with the rule, credited on approval, and shown in the preview', async () => {
    const { office, leader, organization, young, older } = await givenCampaignCommunity();
    const published = await office.api.rules.publish.mutate({
      idempotencyKey: newIdempotencyKey(),
      basePointsPerHour: 10,
      categoryWeights: {},
      campaign,
    });
    expect(published.campaign).toEqual(campaign);
    expect((await office.api.rules.get.query()).campaign).toEqual(campaign);

    const inCampaign = { startedAt: '2026-03-10T09:00:00+08:00', minutes: 60 };
    const youngRecords = await logRecords(leader.api, organization.id, young, [
      inCampaign,
      { startedAt: '2026-04-01T09:00:00+08:00', minutes: 60 },
    ]);
    const olderRecords = await logRecords(leader.api, organization.id, older, [inCampaign]);
    const { records } = await approve(office.api, [...youngRecords, ...olderRecords]);
    // 10 points an hour; the young resident's March hour earns 50% more.
    expect(records.map((r) => r.points)).toEqual([15, 10, 10]);

    const preview = await office.api.rules.preview.query({
      basePointsPerHour: 10,
      categoryWeights: {},
      campaign: { ...campaign, bonusPercent: 100 },
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(preview).toMatchObject({
      records: 2,
      currentPoints: 25,
      proposedPoints: 30,
      residentsPaidMore: 1,
      residentsPaidLess: 0,
      campaignRecords: 1,
      campaignResidents: 1,
    });
  });

  it('refuses a campaign that ends before it starts or pays an unbounded bonus', async () => {
    const { office } = await givenCampaignCommunity();
    for (const bad of [
      { ...campaign, to: '2026-02-01' },
      { ...campaign, bonusPercent: 0 },
      { ...campaign, bonusPercent: 501 },
    ]) {
      await expectApiError(
        office.api.rules.publish.mutate({
          idempotencyKey: newIdempotencyKey(),
          basePointsPerHour: 10,
          categoryWeights: {},
          campaign: bad,
        }),
        'VALIDATION_FAILED',
      );
    }
  });
});
