import { describeEachDatabase } from '@tally/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  givenActivityResident,
  givenActivityTeam,
  givenPublishedActivity,
  key,
  moveActivity,
} from '../activities/test-helpers';
import { serveDuring } from '../test/api';

describeEachDatabase('activities in the participation reports', (database) => {
  const server = serveDuring(database);
  const db = () => database().db;
  let story: Awaited<ReturnType<typeof tellTheStory>>;

  /**
   * Fourteen residents (twelve members, two under 30) see three activities at the kiosk:
   * - A, for everyone, 12 places, 60 days ago: eleven sign up, six of them come with one walk-in,
   *   five never come;
   * - C, for the under-30s, no limit, 45 days ago: both sign up, one comes;
   * - B, for everyone, 10 places, 30 days ago: five who came to A walk in again.
   */
  async function tellTheStory() {
    const team = await givenActivityTeam(server, database(), { members: 12 });
    const { leader, organization, communityId } = team;
    const year = new Date().getFullYear();
    const young = [
      await givenActivityResident(db(), communityId, { birthYear: year - 25 }),
      await givenActivityResident(db(), communityId, { birthYear: year - 24 }),
    ];
    const members = team.residents;
    const a = await givenPublishedActivity(leader.api, organization.id, { slots: 12 });
    const c = await givenPublishedActivity(leader.api, organization.id, {
      invite: { ageBands: ['under_30'] },
    });
    const b = await givenPublishedActivity(leader.api, organization.id, { slots: 10 });
    for (const resident of [...members, ...young]) {
      await (await team.atKiosk(resident)).kiosk.activities.query();
    }
    const signUp = async (activityId: string, residents: { id: string }[]) => {
      for (const resident of residents) {
        await (await team.atKiosk(resident)).kiosk.signUp.mutate({
          idempotencyKey: key(),
          activityId,
        });
      }
    };
    await signUp(a.id, members.slice(0, 11));
    await signUp(c.id, young);
    await moveActivity(db(), a.id, { startedHoursAgo: 60 * 24 });
    await moveActivity(db(), c.id, { startedHoursAgo: 45 * 24 });
    await moveActivity(db(), b.id, { startedHoursAgo: 30 * 24 });
    const checkIn = async (activityId: string, residents: { cardNumber: string }[]) => {
      for (const resident of residents) {
        await leader.api.activities.checkIn.mutate({
          idempotencyKey: key(),
          activityId,
          cardNumber: resident.cardNumber,
        });
      }
    };
    await checkIn(a.id, [...members.slice(0, 6), ...members.slice(11)]);
    await checkIn(c.id, young.slice(0, 1));
    await checkIn(b.id, members.slice(0, 5));
    for (const activity of [a, b, c]) {
      await leader.api.activities.close.mutate({ idempotencyKey: key(), id: activity.id });
    }
    return team;
  }

  beforeAll(async () => {
    story = await tellTheStory();
  }, 120_000);

  describe('insights.willingness', () => {
    it('follows residents from seeing an activity to coming back, with the no-show rate', async () => {
      const { activities } = await story.office.api.insights.willingness.query({
        last: 'last_90_days',
      });
      const total = {
        activities: 3,
        viewed: 14,
        signedUp: 13,
        // Six members and a walk-in at A, one of the young at C.
        attended: 8,
        // The five who came to A and again to B, 30 days later.
        cameBackWithin90Days: 5,
        // Of 13 places held, 6 never came (five at A, one at C).
        noShowRate: 0.4615,
      };
      expect(activities.total).toEqual(total);
      expect(activities.byOrganization).toEqual([
        { id: story.organization.id, name: story.organization.name, ...total },
      ]);
      expect(activities.byInvitedGroup).toEqual([
        {
          group: 'everyone',
          ageBands: [],
          buildings: [],
          activities: 2,
          viewed: 14,
          signedUp: 11,
          attended: 7,
          cameBackWithin90Days: 5,
          noShowRate: 0.4545,
        },
        {
          group: 'under_30',
          ageBands: ['under_30'],
          buildings: [],
          activities: 1,
          viewed: 14,
          signedUp: '<5',
          attended: '<5',
          cameBackWithin90Days: '<5',
          noShowRate: '<5',
        },
      ]);
    });

    it('counts only the activities of the period and the organization asked for', async () => {
      const { activities } = await story.office.api.insights.willingness.query({
        last: 'last_30_days',
      });
      expect(activities.total).toMatchObject({ activities: 0, viewed: '<5', noShowRate: null });
    });
  });

  describe('insights.organizations', () => {
    it('counts the activities each ran and how full they were', async () => {
      const report = await story.office.api.insights.organizations.query({
        last: 'last_90_days',
      });
      // A and B offered 22 places; 11 were taken (all at A).
      expect(report.organizations).toEqual([
        expect.objectContaining({ id: story.organization.id, activitiesRun: 3, fillRate: 0.5 }),
      ]);
    });
  });
});
