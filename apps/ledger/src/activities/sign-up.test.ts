import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { addMember } from '../organizations/create-organization';
import { auditActions } from '../residents/test-helpers';
import { apiClient, expectApiError, serveDuring } from '../test/api';
import {
  givenActivityResident,
  givenActivityTeam,
  givenPublishedActivity,
  hoursFromNow,
  key,
  moveActivity,
} from './test-helpers';

describeEachDatabase('activities: signing up', (database) => {
  const server = serveDuring(database);
  const db = () => database().db;
  const team = (members = 2) => givenActivityTeam(server, database(), { members });
  const first = <T>(items: T[]): T => {
    const [item] = items;
    if (item === undefined) throw new Error('nothing there');
    return item;
  };

  describe('at the kiosk', () => {
    it('lists upcoming activities, signs the resident up and answers a replay alike', async () => {
      const { office, organization, residents, atKiosk, communityId } = await team(1);
      const resident = first(residents);
      const activity = await givenPublishedActivity(office.api, organization.id, { slots: 3 });
      await office.api.activities.create.mutate({
        idempotencyKey: key(),
        organizationId: organization.id,
        title: { zh: '草稿', en: '' },
        category: 'culture',
        place: 'Hall',
        startsAt: hoursFromNow(5),
        endsAt: hoursFromNow(6),
      });
      const kiosk = await atKiosk(resident);
      expect(await kiosk.kiosk.activities.query()).toEqual([
        expect.objectContaining({
          id: activity.id,
          organizationName: organization.name,
          slots: 3,
          slotsLeft: 3,
          mySignUp: null,
          canSignUp: true,
          whyNot: null,
          joinsWaitingList: false,
          canCancel: false,
        }),
      ]);
      const input = { idempotencyKey: key(), activityId: activity.id };
      const signedUp = await kiosk.kiosk.signUp.mutate(input);
      expect(signedUp).toEqual({
        activityId: activity.id,
        residentId: resident.id,
        status: 'signed_up',
        waitingPosition: null,
      });
      expect(await kiosk.kiosk.signUp.mutate(input)).toEqual(signedUp);
      await expectApiError(
        kiosk.kiosk.signUp.mutate({ ...input, idempotencyKey: key() }),
        'ALREADY_SIGNED_UP',
      );
      expect(first(await kiosk.kiosk.activities.query())).toMatchObject({
        slotsLeft: 2,
        mySignUp: { status: 'signed_up', waitingPosition: null, checkedInAt: null },
        canSignUp: false,
        whyNot: 'ALREADY_SIGNED_UP',
        canCancel: true,
      });
      expect((await kiosk.kiosk.mySignUps.query()).map((a) => a.id)).toEqual([activity.id]);
      expect((await auditActions(db(), communityId)).map((e) => e.action)).toContain(
        'kiosk.signUp',
      );
      // Seeing the list is noted once per activity, for the willingness report.
      const views = await db()
        .selectFrom('activity_views')
        .select('resident_id')
        .where('activity_id', '=', activity.id)
        .execute();
      expect(views).toEqual([{ resident_id: resident.id }]);
    });

    it('refuses before sign-up opens and once the activity has started', async () => {
      const { office, organization, residents, atKiosk } = await team(1);
      const kiosk = await atKiosk(first(residents));
      const notYet = await givenPublishedActivity(office.api, organization.id, {
        signUpOpensAt: hoursFromNow(12),
      });
      expect(first(await kiosk.kiosk.activities.query())).toMatchObject({
        canSignUp: false,
        whyNot: 'ACTIVITY_NOT_OPEN',
      });
      const error = await expectApiError(
        kiosk.kiosk.signUp.mutate({ idempotencyKey: key(), activityId: notYet.id }),
        'ACTIVITY_NOT_OPEN',
      );
      expect(error.message).toContain('not opened yet');
      await moveActivity(db(), notYet.id, { startedHoursAgo: 0.5 });
      const started = await expectApiError(
        kiosk.kiosk.signUp.mutate({ idempotencyKey: key(), activityId: notYet.id }),
        'ACTIVITY_NOT_OPEN',
      );
      expect(started.message).toContain('already started');
    });

    it('lets the resident cancel until it starts; the first on the waiting list moves up', async () => {
      const { office, organization, residents, atKiosk, communityId } = await team(3);
      const [holder, firstWaiting, secondWaiting] = residents;
      if (!holder || !firstWaiting || !secondWaiting) throw new Error('three residents');
      const activity = await givenPublishedActivity(office.api, organization.id, {
        slots: 1,
        waitingList: true,
      });
      const kiosks = await Promise.all(residents.map((r) => atKiosk(r)));
      const results = [];
      for (const kiosk of kiosks) {
        results.push(
          await kiosk.kiosk.signUp.mutate({ idempotencyKey: key(), activityId: activity.id }),
        );
      }
      expect(results.map((r) => [r.status, r.waitingPosition])).toEqual([
        ['signed_up', null],
        ['waitlisted', 1],
        ['waitlisted', 2],
      ]);
      const [holderKiosk, , lastKiosk] = kiosks;
      if (!holderKiosk || !lastKiosk) throw new Error('three kiosks');
      expect(first(await lastKiosk.kiosk.mySignUps.query())).toMatchObject({
        mySignUp: { status: 'waitlisted', waitingPosition: 2 },
        canCancel: true,
      });
      const cancelled = await holderKiosk.kiosk.cancelSignUp.mutate({
        idempotencyKey: key(),
        activityId: activity.id,
      });
      expect(cancelled).toEqual({
        activityId: activity.id,
        residentId: holder.id,
        cancelled: true,
        movedUp: firstWaiting.id,
      });
      expect(await office.api.activities.get.query({ id: activity.id })).toMatchObject({
        signedUp: 1,
        waitlisted: 1,
      });
      expect(first(await lastKiosk.kiosk.mySignUps.query())).toMatchObject({
        mySignUp: { status: 'waitlisted', waitingPosition: 1 },
      });
      // Cancelling again changes nothing and audits nothing.
      expect(
        await holderKiosk.kiosk.cancelSignUp.mutate({
          idempotencyKey: key(),
          activityId: activity.id,
        }),
      ).toMatchObject({ cancelled: false, movedUp: null });
      expect(
        (await auditActions(db(), communityId)).filter((e) => e.action === 'kiosk.cancelSignUp'),
      ).toEqual([
        expect.objectContaining({
          target_id: activity.id,
          details: { residentId: holder.id, movedUp: firstWaiting.id },
        }),
      ]);
      // Once it has started, sign-ups no longer change.
      await moveActivity(db(), activity.id, { startedHoursAgo: 0.1 });
      await expectApiError(
        lastKiosk.kiosk.cancelSignUp.mutate({ idempotencyKey: key(), activityId: activity.id }),
        'ACTIVITY_NOT_OPEN',
      );
    });

    it('keeps an activity for a group to that group (age band and building)', async () => {
      const { office, organization, atKiosk, communityId } = await team(0);
      const year = new Date().getFullYear();
      const young = await givenActivityResident(db(), communityId, {
        birthYear: year - 25,
        building: '7',
      });
      const youngElsewhere = await givenActivityResident(db(), communityId, {
        birthYear: year - 25,
        building: '2',
      });
      const older = await givenActivityResident(db(), communityId, {
        birthYear: year - 70,
        building: '7',
      });
      const unknownAge = await givenActivityResident(db(), communityId, { building: '7' });
      const activity = await givenPublishedActivity(office.api, organization.id, {
        invite: { ageBands: ['under_30'], buildings: ['7', '8'] },
      });
      const signUp = async (resident: { id: string }) =>
        (await atKiosk(resident)).kiosk.signUp.mutate({
          idempotencyKey: key(),
          activityId: activity.id,
        });
      expect((await signUp(young)).status).toBe('signed_up');
      for (const outsider of [youngElsewhere, older, unknownAge]) {
        await expectApiError(signUp(outsider), 'NOT_INVITED');
      }
      // Whom it is for, so the kiosk can say "for residents under 30" to everyone.
      const invite = { ageBands: ['under_30'], buildings: ['7', '8'], campaign: null };
      expect(first(await (await atKiosk(older)).kiosk.activities.query())).toMatchObject({
        canSignUp: false,
        whyNot: 'NOT_INVITED',
        invite,
      });
      // The office signing them up is held to the same group.
      await expectApiError(
        office.api.activities.signUpMember.mutate({
          idempotencyKey: key(),
          activityId: activity.id,
          residentId: older.id,
        }),
        'NOT_INVITED',
      );
    });
  });

  describe("on the kiosk's idle screen", () => {
    it('shows anyone passing what is ahead, with nothing about a resident and no views noted', async () => {
      const { office, organization, kiosk, communityId } = await team(1);
      const later = await givenPublishedActivity(office.api, organization.id, {
        slots: 4,
        invite: { ageBands: ['under_30'] },
      });
      await office.api.activities.create.mutate({
        idempotencyKey: key(),
        organizationId: organization.id,
        title: { zh: '草稿', en: '' },
        category: 'culture',
        place: 'Hall',
        startsAt: hoursFromNow(5),
        endsAt: hoursFromNow(6),
      });
      const shown = await kiosk.api.kiosk.upcomingActivities.query();
      expect(shown).toEqual([
        expect.objectContaining({
          id: later.id,
          organizationName: organization.name,
          slots: 4,
          slotsLeft: 4,
          invite: { ageBands: ['under_30'], buildings: [], campaign: null },
        }),
      ]);
      expect(Object.keys(shown[0] ?? {})).not.toContain('mySignUp');
      const views = await db()
        .selectFrom('activity_views')
        .select('resident_id')
        .where('community_id', '=', communityId)
        .execute();
      expect(views).toEqual([]);
      // A kiosk shows its own community's only; a resident's session is not needed, a device is.
      await expectApiError(
        apiClient(server.url, { token: 'not-a-kiosk' }).kiosk.upcomingActivities.query(),
        'UNAUTHORIZED',
      );
    });
  });

  describe('by a leader or the office', () => {
    it('lets a leader sign up a member of the organization, not anyone else', async () => {
      const { leader, office, organization, residents, communityId, leaderOf } = await team(1);
      const member = first(residents);
      const neighbour = await givenActivityResident(db(), communityId);
      const activity = await givenPublishedActivity(leader.api, organization.id);
      const signUp = (api: typeof leader.api, residentId: string) =>
        api.activities.signUpMember.mutate({
          idempotencyKey: key(),
          activityId: activity.id,
          residentId,
        });
      expect(await signUp(leader.api, member.id)).toMatchObject({ status: 'signed_up' });
      await expectApiError(signUp(leader.api, neighbour.id), 'NOT_A_MEMBER');
      await expectApiError(signUp((await leaderOf([])).api, neighbour.id), 'FORBIDDEN');
      // The office signs up anyone in its community.
      expect(await signUp(office.api, neighbour.id)).toMatchObject({ status: 'signed_up' });
      await expectApiError(signUp(office.api, member.id), 'ALREADY_SIGNED_UP');
      const elsewhere = await team(0);
      await expectApiError(signUp(elsewhere.office.api, member.id), 'NOT_FOUND');
      const cancelled = await leader.api.activities.cancelMemberSignUp.mutate({
        idempotencyKey: key(),
        activityId: activity.id,
        residentId: member.id,
      });
      expect(cancelled).toMatchObject({ cancelled: true });
      expect((await auditActions(db(), communityId)).map((e) => e.action)).toEqual(
        expect.arrayContaining(['activities.signUpMember', 'activities.cancelMemberSignUp']),
      );
    });

    it('signs someone up again after they cancelled, at the back of the waiting list', async () => {
      const { office, organization, residents } = await team(3);
      const [a, b, c] = residents;
      if (!a || !b || !c) throw new Error('three residents');
      const activity = await givenPublishedActivity(office.api, organization.id, {
        slots: 1,
        waitingList: true,
      });
      const signUp = (residentId: string) =>
        office.api.activities.signUpMember.mutate({
          idempotencyKey: key(),
          activityId: activity.id,
          residentId,
        });
      await signUp(a.id);
      await signUp(b.id);
      await office.api.activities.cancelMemberSignUp.mutate({
        idempotencyKey: key(),
        activityId: activity.id,
        residentId: b.id,
      });
      await signUp(c.id);
      expect(await signUp(b.id)).toMatchObject({ status: 'waitlisted', waitingPosition: 2 });
    });
  });

  describe('under concurrency', () => {
    const racers = async (count: number) => {
      const given = await team(0);
      const residents = [];
      for (let i = 0; i < count; i++) {
        const resident = await givenActivityResident(db(), given.communityId);
        await addMember(db(), {
          communityId: given.communityId,
          organizationId: given.organization.id,
          residentId: resident.id,
        });
        residents.push(resident);
      }
      const kiosks = await Promise.all(residents.map((r) => given.atKiosk(r)));
      return { ...given, residents, kiosks };
    };

    it('gives 5 places to exactly 5 of 30 residents signing up at once; the rest hear ACTIVITY_FULL', async () => {
      const { office, organization, kiosks } = await racers(30);
      const activity = await givenPublishedActivity(office.api, organization.id, { slots: 5 });
      const outcomes = await Promise.allSettled(
        kiosks.map((kiosk) =>
          kiosk.kiosk.signUp.mutate({ idempotencyKey: key(), activityId: activity.id }),
        ),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const codes = outcomes.flatMap((o) =>
        o.status === 'rejected'
          ? [(o.reason as { data?: { domainCode?: string } }).data?.domainCode]
          : [],
      );
      expect(won).toHaveLength(5);
      expect(codes).toEqual(Array(25).fill('ACTIVITY_FULL'));
      expect(await office.api.activities.get.query({ id: activity.id })).toMatchObject({
        signedUp: 5,
        waitlisted: 0,
      });
    });

    it('queues the rest on the waiting list in the order they joined, and moves the first up', async () => {
      const { office, organization, kiosks } = await racers(30);
      const activity = await givenPublishedActivity(office.api, organization.id, {
        slots: 5,
        waitingList: true,
      });
      const results = await Promise.all(
        kiosks.map((kiosk) =>
          kiosk.kiosk.signUp.mutate({ idempotencyKey: key(), activityId: activity.id }),
        ),
      );
      expect(results.filter((r) => r.status === 'signed_up')).toHaveLength(5);
      const waiting = results.filter((r) => r.status === 'waitlisted');
      // Each got a position of its own, 1 to 25, and the list keeps that order.
      expect(waiting.map((r) => r.waitingPosition).sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual(
        Array.from({ length: 25 }, (_, i) => i + 1),
      );
      const { entries } = await office.api.activities.attendance.query({ activityId: activity.id });
      const byPosition = (position: number) =>
        waiting.find((r) => r.waitingPosition === position)?.residentId;
      for (const entry of entries.filter((e) => e.signUp === 'waitlisted')) {
        expect(byPosition(entry.waitingPosition ?? 0)).toBe(entry.resident.id);
      }
      const holder = first(results.filter((r) => r.status === 'signed_up'));
      const { movedUp } = await office.api.activities.cancelMemberSignUp.mutate({
        idempotencyKey: key(),
        activityId: activity.id,
        residentId: holder.residentId,
      });
      expect(movedUp).toBe(byPosition(1));
      expect(await office.api.activities.get.query({ id: activity.id })).toMatchObject({
        signedUp: 5,
        waitlisted: 24,
      });
    });
  });
});
