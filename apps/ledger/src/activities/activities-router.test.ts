import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { auditActions } from '../residents/test-helpers';
import { expectApiError, serveDuring } from '../test/api';
import {
  activityInput,
  givenActivityTeam,
  givenPublishedActivity,
  hoursFromNow,
  key,
} from './test-helpers';

describeEachDatabase('activities: publishing and reading', (database) => {
  const server = serveDuring(database);
  const db = () => database().db;
  const team = (members = 2) => givenActivityTeam(server, database(), { members });

  describe('activities.create and activities.publish', () => {
    it('lets a leader draft an activity of their organization and publish it', async () => {
      const { leader, organization, communityId } = await team();
      const draft = await leader.api.activities.create.mutate(
        activityInput(organization.id, {
          slots: 10,
          waitingList: true,
          description: { zh: '带上你喜欢的书', en: '' },
          invite: { ageBands: ['under_30'], buildings: ['7'] },
        }),
      );
      expect(draft).toMatchObject({
        id: expect.any(String),
        status: 'draft',
        organization: { id: organization.id },
        title: { zh: '读书会', en: 'Reading club' },
        description: { zh: '带上你喜欢的书', en: '' },
        category: 'culture',
        slots: 10,
        waitingList: true,
        invite: { ageBands: ['under_30'], buildings: ['7'], campaign: null },
        signedUp: 0,
        waitlisted: 0,
        checkedIn: 0,
        publishedAt: null,
        createdBy: { id: leader.user.id },
      });
      const published = await leader.api.activities.publish.mutate({
        idempotencyKey: key(),
        id: draft.id,
      });
      expect(published).toMatchObject({ id: draft.id, status: 'published' });
      expect(published.publishedAt).not.toBeNull();
      // Publishing it again changes nothing and audits nothing.
      await leader.api.activities.publish.mutate({ idempotencyKey: key(), id: draft.id });
      expect((await auditActions(db(), communityId)).map((e) => e.action)).toEqual([
        'activities.create',
        'activities.publish',
      ]);
    });

    it('returns the first result for a replay and refuses the key for another request', async () => {
      const { office, organization } = await team();
      const input = activityInput(organization.id);
      const first = await office.api.activities.create.mutate(input);
      expect(await office.api.activities.create.mutate(input)).toEqual(first);
      expect((await office.api.activities.list.query({})).items).toHaveLength(1);
      await expectApiError(
        office.api.activities.create.mutate({ ...input, place: 'Elsewhere' }),
        'IDEMPOTENCY_CONFLICT',
      );
    });

    it('refuses a leader of another organization, auditors and other communities', async () => {
      const { organization, auditor, leaderOf, anonymous } = await team();
      const stranger = await leaderOf([]);
      const input = activityInput(organization.id);
      await expectApiError(stranger.api.activities.create.mutate(input), 'FORBIDDEN');
      await expectApiError(auditor.api.activities.create.mutate(input), 'FORBIDDEN');
      await expectApiError(anonymous.activities.create.mutate(input), 'UNAUTHORIZED');
      const elsewhere = await team();
      await expectApiError(elsewhere.office.api.activities.create.mutate(input), 'NOT_FOUND');
    });

    it('names each field that is not valid and writes nothing', async () => {
      const { office, organization } = await team();
      const refused = async (overrides: Parameters<typeof activityInput>[1], field: string) => {
        const error = await expectApiError(
          office.api.activities.create.mutate(activityInput(organization.id, overrides)),
          'VALIDATION_FAILED',
        );
        expect(error.message).toContain(field);
      };
      await refused({ title: { zh: ' ', en: '' } }, 'title');
      await refused({ endsAt: hoursFromNow(23) }, 'endsAt');
      await refused({ endsAt: hoursFromNow(49) }, 'endsAt');
      await refused({ waitingList: true }, 'waitingList');
      await refused({ signUpOpensAt: hoursFromNow(25) }, 'signUpOpensAt');
      await refused({ slots: 0 }, 'slots');
      await refused({ invite: {} }, 'invite');
      await refused({ invite: { ageBands: ['under_30', 'under_30'] } }, 'invite.ageBands');
      // No campaign is running in this community.
      await refused({ invite: { campaign: true } }, 'invite.campaign');
      expect((await office.api.activities.list.query({})).items).toEqual([]);
    });

    it("invites the running campaign's group in one tap, and says its bonus", async () => {
      const { office, organization } = await team();
      const rule = await office.api.rules.publish.mutate({
        idempotencyKey: key(),
        basePointsPerHour: 10,
        categoryWeights: {},
        campaign: { bonusPercent: 50, from: '2026-01-01', to: '2099-12-31', ageBand: 'under_30' },
      });
      const activity = await office.api.activities.create.mutate(
        activityInput(organization.id, { invite: { campaign: true } }),
      );
      expect(activity.invite).toEqual({
        ageBands: ['under_30'],
        buildings: [],
        campaign: {
          ruleVersion: rule.version,
          bonusPercent: 50,
          from: '2026-01-01',
          to: '2099-12-31',
        },
      });
    });
  });

  describe('activities.update', () => {
    it('replaces the terms and moves the waiting list up into new places', async () => {
      const { leader, organization, residents, communityId } = await team(3);
      const activity = await givenPublishedActivity(leader.api, organization.id, {
        slots: 1,
        waitingList: true,
      });
      for (const resident of residents) {
        await leader.api.activities.signUpMember.mutate({
          idempotencyKey: key(),
          activityId: activity.id,
          residentId: resident.id,
        });
      }
      const updated = await leader.api.activities.update.mutate({
        ...activityInput(organization.id),
        id: activity.id,
        startsAt: activity.startsAt,
        endsAt: activity.endsAt,
        title: { zh: '读书会（改）', en: '' },
        slots: 2,
        waitingList: true,
      });
      expect(updated).toMatchObject({
        title: { zh: '读书会（改）', en: '' },
        slots: 2,
        signedUp: 2,
        waitlisted: 1,
        status: 'published',
      });
      const [entry] = (await auditActions(db(), communityId)).filter(
        (e) => e.action === 'activities.update',
      );
      expect(entry?.details).toMatchObject({
        changed: ['title', 'slots'],
        movedUp: [residents[1]?.id],
      });
    });

    it('refuses fewer places than residents hold, and a cancelled activity keeps its terms', async () => {
      const { office, organization, residents } = await team(2);
      const activity = await givenPublishedActivity(office.api, organization.id, { slots: 5 });
      for (const resident of residents) {
        await office.api.activities.signUpMember.mutate({
          idempotencyKey: key(),
          activityId: activity.id,
          residentId: resident.id,
        });
      }
      const terms = { ...activityInput(organization.id), id: activity.id };
      const error = await expectApiError(
        office.api.activities.update.mutate({ ...terms, slots: 1 }),
        'VALIDATION_FAILED',
      );
      expect(error.message).toContain('slots');
      await office.api.activities.cancel.mutate({
        idempotencyKey: key(),
        id: activity.id,
        reason: 'Rain',
      });
      await expectApiError(office.api.activities.update.mutate(terms), 'ACTIVITY_NOT_OPEN');
    });

    it("refuses a leader of another organization, and another community's office", async () => {
      const { office, organization, leaderOf } = await team();
      const activity = await givenPublishedActivity(office.api, organization.id);
      const terms = { ...activityInput(organization.id), id: activity.id };
      await expectApiError((await leaderOf([])).api.activities.update.mutate(terms), 'FORBIDDEN');
      await expectApiError((await team()).office.api.activities.update.mutate(terms), 'NOT_FOUND');
    });
  });

  describe('activities.cancel', () => {
    it('cancels with a reason residents who signed up read at the kiosk, once', async () => {
      const { leader, organization, residents, communityId, atKiosk } = await team(1);
      const [resident] = residents;
      if (!resident) throw new Error('no resident');
      const activity = await givenPublishedActivity(leader.api, organization.id);
      const kiosk = await atKiosk(resident);
      await kiosk.kiosk.signUp.mutate({ idempotencyKey: key(), activityId: activity.id });
      const input = { idempotencyKey: key(), id: activity.id, reason: '暴雨预警，改期另行通知' };
      const cancelled = await leader.api.activities.cancel.mutate(input);
      expect(cancelled).toMatchObject({
        status: 'cancelled',
        cancelReason: '暴雨预警，改期另行通知',
        signedUp: 1,
      });
      expect(await leader.api.activities.cancel.mutate(input)).toEqual(cancelled);
      await leader.api.activities.cancel.mutate({ ...input, idempotencyKey: key() });
      expect(
        (await auditActions(db(), communityId)).filter((e) => e.action === 'activities.cancel'),
      ).toHaveLength(1);
      expect(await kiosk.kiosk.mySignUps.query()).toEqual([
        expect.objectContaining({
          id: activity.id,
          status: 'cancelled',
          cancelReason: '暴雨预警，改期另行通知',
          mySignUp: expect.objectContaining({ status: 'signed_up' }),
          canSignUp: false,
          whyNot: 'ACTIVITY_NOT_OPEN',
        }),
      ]);
      // Nobody finds it among upcoming activities any more.
      expect(await kiosk.kiosk.activities.query()).toEqual([]);
    });

    it('needs a reason, and is for the leaders of its organization and the office', async () => {
      const { office, organization, auditor, leaderOf } = await team();
      const activity = await givenPublishedActivity(office.api, organization.id);
      await expectApiError(
        office.api.activities.cancel.mutate({
          idempotencyKey: key(),
          id: activity.id,
          reason: ' ',
        }),
        'VALIDATION_FAILED',
      );
      const input = { idempotencyKey: key(), id: activity.id, reason: 'No' };
      await expectApiError(auditor.api.activities.cancel.mutate(input), 'FORBIDDEN');
      await expectApiError((await leaderOf([])).api.activities.cancel.mutate(input), 'FORBIDDEN');
    });
  });

  describe('activities.list and activities.get', () => {
    it('lists latest start first, page by page, filtered by status and time', async () => {
      const { office, organization } = await team();
      const at = (hours: number) => ({
        startsAt: hoursFromNow(hours),
        endsAt: hoursFromNow(hours + 1),
      });
      const soon = await office.api.activities.create.mutate(activityInput(organization.id, at(2)));
      const later = await givenPublishedActivity(office.api, organization.id, at(48));
      const latest = await office.api.activities.create.mutate(
        activityInput(organization.id, at(96)),
      );
      const first = await office.api.activities.list.query({ limit: 2 });
      expect(first.items.map((a) => a.id)).toEqual([latest.id, later.id]);
      const second = await office.api.activities.list.query({
        limit: 2,
        cursor: first.nextCursor ?? '',
      });
      expect(second).toEqual({
        items: [expect.objectContaining({ id: soon.id })],
        nextCursor: null,
      });
      const published = await office.api.activities.list.query({ status: 'published' });
      expect(published.items.map((a) => a.id)).toEqual([later.id]);
      const window = await office.api.activities.list.query({
        from: hoursFromNow(24),
        to: hoursFromNow(72),
      });
      expect(window.items.map((a) => a.id)).toEqual([later.id]);
      await expectApiError(
        office.api.activities.list.query({ cursor: 'not-a-cursor' }),
        'VALIDATION_FAILED',
      );
    });

    it("shows a leader their organizations' activities only; the office and auditors all", async () => {
      const { office, auditor, organization, leaderOf } = await team();
      const activity = await givenPublishedActivity(office.api, organization.id);
      const stranger = await leaderOf([]);
      expect((await stranger.api.activities.list.query({})).items).toEqual([]);
      await expectApiError(
        stranger.api.activities.list.query({ organizationId: organization.id }),
        'FORBIDDEN',
      );
      await expectApiError(stranger.api.activities.get.query({ id: activity.id }), 'FORBIDDEN');
      await expectApiError(
        stranger.api.activities.attendance.query({ activityId: activity.id }),
        'FORBIDDEN',
      );
      expect(await auditor.api.activities.get.query({ id: activity.id })).toMatchObject({
        id: activity.id,
        signedUp: 0,
        checkedIn: 0,
        slots: null,
      });
      expect((await auditor.api.activities.list.query({})).items).toHaveLength(1);
      const elsewhere = await team();
      await expectApiError(
        elsewhere.office.api.activities.get.query({ id: activity.id }),
        'NOT_FOUND',
      );
      expect((await elsewhere.office.api.activities.list.query({})).items).toEqual([]);
    });
  });
});
