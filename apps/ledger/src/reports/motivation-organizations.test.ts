import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { givenGoal, givenKiosk, givenReward, givePoints } from '../kiosk/test-helpers';
import type { CreatedResident } from '../residents/create-resident';
import { daysAgo } from '../service/test-helpers';
import { givenCommunityWithStaff, newIdempotencyKey, serveDuring } from '../test/api';
import { givenMember, givenPeople, givenService, givenTeamOrganization } from './test-helpers';

describeEachDatabase('insights.motivation and insights.organizations', (database) => {
  const server = serveDuring(database);

  describe('insights.motivation', () => {
    // Over the last 30 days, eight residents:
    //   R1 earns 120 (community affairs, 2 days), redeems goods for 30 and gives 20 to a goal
    //   R2 earns 60 (neighbourly help), redeems a service reward for 50
    //   R3 earns 40 (elderly care), redeems a privilege for 100 (older points paid the rest)
    //   R4 earns 60 on 2 days (community affairs, environment), redeems nothing
    //   R5 earns 40 on 1 day (neighbourly help ×2), redeems nothing
    //   R6 earns 10 (organization activity), gives 10 to a goal
    //   R7, R8 earn nothing and redeem goods for 30 each
    it('splits the points earned into redeemed, donated and held, and weighs the rest', async () => {
      const community = await givenCommunityWithStaff(server, database());
      const { db } = database();
      const { communityId, office } = community;
      const people = await givenPeople(db, communityId, 8);
      const [r1, r2, r3, r4, r5, r6, r7, r8] = people;
      if (!r1 || !r2 || !r3 || !r4 || !r5 || !r6 || !r7 || !r8) throw new Error('too few');
      const organization = await givenTeamOrganization(db, communityId);
      await givenService(
        db,
        { communityId, organizationId: organization.id, loggedBy: office.user.id },
        [
          {
            residentId: r1.id,
            startedAt: daysAgo(10),
            minutes: 120,
            points: 60,
            category: 'community_affairs',
          },
          {
            residentId: r1.id,
            startedAt: daysAgo(5),
            minutes: 120,
            points: 60,
            category: 'community_affairs',
          },
          { residentId: r2.id, startedAt: daysAgo(5), points: 60, category: 'mutual_aid' },
          { residentId: r3.id, startedAt: daysAgo(5), points: 40, category: 'elderly_care' },
          { residentId: r4.id, startedAt: daysAgo(9), points: 30, category: 'community_affairs' },
          { residentId: r4.id, startedAt: daysAgo(8), points: 30, category: 'environment' },
          { residentId: r5.id, startedAt: daysAgo(4, '09:00'), points: 20, category: 'mutual_aid' },
          { residentId: r5.id, startedAt: daysAgo(4, '14:00'), points: 20, category: 'mutual_aid' },
          {
            residentId: r6.id,
            startedAt: daysAgo(3),
            points: 10,
            category: 'organization_activity',
          },
          // Outside the period.
          { residentId: r7.id, startedAt: daysAgo(45), points: 500, category: 'culture' },
        ],
      );
      const kiosk = await givenKiosk(server, db, communityId);
      const goods = await givenReward(office.api, { kind: 'goods', points: 30, stock: 10 });
      const service = await givenReward(office.api, { kind: 'service', points: 50, stock: 10 });
      const privilege = await givenReward(office.api, {
        kind: 'privilege',
        points: 100,
        stock: 10,
      });
      const goal = await givenGoal(office.api, 1000);
      const atKiosk = async (resident: CreatedResident, points: number) => {
        if (points > 0) await givePoints(db, communityId, resident.pointsAccountId, points);
        const { residentToken } = await kiosk.api.kiosk.identify.mutate({
          cardNumber: resident.cardNumber,
          pin: '1234',
        });
        return kiosk.asResident(residentToken);
      };
      const redeem = async (resident: CreatedResident, rewardId: string) =>
        (await atKiosk(resident, 100)).kiosk.redeem.mutate({
          idempotencyKey: newIdempotencyKey(),
          rewardId,
          quantity: 1,
        });
      await redeem(r1, goods.id);
      await redeem(r2, service.id);
      await redeem(r3, privilege.id);
      await redeem(r7, goods.id);
      await redeem(r8, goods.id);
      const cancelled = await redeem(r8, goods.id);
      await office.api.redemptions.cancel.mutate({
        idempotencyKey: newIdempotencyKey(),
        redemptionId: cancelled.redemptionId,
        reason: 'Changed their mind',
      });
      for (const [resident, points] of [
        [r1, 20],
        [r6, 10],
      ] as const) {
        await (await atKiosk(resident, resident === r6 ? 10 : 0)).kiosk.donate.mutate({
          idempotencyKey: newIdempotencyKey(),
          goalId: goal.id,
          points,
        });
      }

      const today = daysAgo(0).slice(0, 10);
      const report = await community.auditor.api.insights.motivation.query({
        from: daysAgo(30).slice(0, 10),
        to: today,
      });
      // Earned 330; from it: R1 30 + R2 50 + R3 40 (capped at what R3 earned) = 120 redeemed,
      // R1 20 + R6 10 = 30 donated, 180 held.
      expect(report.earners).toBe(6);
      expect(report.points).toEqual({
        earned: 330,
        redeemedShare: 0.3636,
        donatedShare: 0.0909,
        heldShare: 0.5455,
      });
      // Five redeemers (the cancelled redemption does not count): 30+50+100+30+30 = 240, of which
      // the service and the privilege (150) are non-material.
      expect(report.redemptions).toEqual({
        residents: 5,
        count: 5,
        points: 240,
        nonMaterialShare: 0.625,
      });
      // Only R4 served on two days without redeeming: a group of one stays hidden.
      expect(report.steadyWithoutRedeeming).toEqual({ residents: '<5', ofParticipants: 6 });
      // Participation: R1 240, R2 60, R4 60, R5 120, R6 60 = 540 minutes by five residents;
      // service: R3 60, R4 60 by two.
      expect(report.hours).toMatchObject({
        participation: 9,
        service: '<5',
        participationShare: 0.8182,
      });
      expect(report.hours.byCategory.find((c) => c.category === 'community_affairs')).toEqual({
        category: 'community_affairs',
        group: 'participation',
        hours: '<5',
      });
    });
  });

  describe('insights.organizations', () => {
    it("shows each organization's members, activity, trend and its leader's last log", async () => {
      const community = await givenCommunityWithStaff(server, database());
      const { db } = database();
      const { communityId } = community;
      const garden = await givenTeamOrganization(db, communityId, 'Garden team');
      const choir = await givenTeamOrganization(db, communityId, 'Choir');
      const leader = await community.leaderOf([garden.id]);
      const gardeners = await givenPeople(db, communityId, 6);
      for (const [index, resident] of gardeners.entries()) {
        await givenMember(db, {
          communityId,
          organizationId: garden.id,
          residentId: resident.id,
          // One joined before the period, five in January.
          joinedAt: index === 0 ? '2025-12-01T10:00:00+08:00' : '2026-01-10T10:00:00+08:00',
        });
      }
      const singers = await givenPeople(db, communityId, 2);
      for (const resident of singers) {
        await givenMember(db, { communityId, organizationId: choir.id, residentId: resident.id });
      }
      await givenService(db, { communityId, organizationId: garden.id, loggedBy: leader.user.id }, [
        ...gardeners.slice(0, 5).map((r) => ({
          residentId: r.id,
          startedAt: '2026-01-20T09:00:00+08:00',
          loggedAt: '2026-01-21T09:00:00+08:00',
        })),
        ...gardeners.slice(0, 2).map((r) => ({
          residentId: r.id,
          startedAt: '2026-02-20T09:00:00+08:00',
          minutes: 30,
          loggedAt: '2026-03-01T10:00:00+08:00',
        })),
      ]);
      // Logged by the office, not the choir's leader: the choir's leader never logged anything.
      await givenService(
        db,
        { communityId, organizationId: choir.id, loggedBy: community.office.user.id },
        singers.map((r) => ({ residentId: r.id, startedAt: '2026-02-02T19:00:00+08:00' })),
      );

      const report = await community.office.api.insights.organizations.query({
        from: '2026-01-01',
        to: '2026-03-31',
      });
      expect(report.months).toEqual(['2026-01', '2026-02', '2026-03']);
      const [choirHealth, gardenHealth] = report.organizations;
      const today = daysAgo(0).slice(0, 10);
      expect(gardenHealth).toEqual({
        id: garden.id,
        name: { zh: '', en: 'Garden team' },
        members: 6,
        activeMembers: 5,
        newMembers: 5,
        hours: 6,
        trend: [
          { month: '2026-01', activeMembers: 5, hours: 5 },
          { month: '2026-02', activeMembers: '<5', hours: '<5' },
          { month: '2026-03', activeMembers: '<5', hours: '<5' },
        ],
        leaderLastLoggedAt: '2026-03-01T02:00:00.000Z',
        daysSinceLeaderLogged: Math.round(
          (Date.parse(today) - Date.parse('2026-03-01')) / 86_400_000,
        ),
        activitiesRun: 0,
        fillRate: null,
      });
      expect(choirHealth).toMatchObject({
        name: { zh: '', en: 'Choir' },
        members: '<5',
        activeMembers: '<5',
        hours: '<5',
        leaderLastLoggedAt: null,
        daysSinceLeaderLogged: null,
      });
      const one = await community.office.api.insights.organizations.query({
        from: '2026-01-01',
        to: '2026-03-31',
        organizationId: choir.id,
      });
      expect(one.organizations.map((o) => o.name.en)).toEqual(['Choir']);
    });
  });
});
