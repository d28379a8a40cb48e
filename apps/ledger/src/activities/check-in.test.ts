import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { auditActions } from '../residents/test-helpers';
import { expectApiError, serveDuring } from '../test/api';
import {
  ACTIVITY_PIN,
  givenActivityResident,
  givenActivityTeam,
  givenPublishedActivity,
  key,
  moveActivity,
  setDoorTimes,
} from './test-helpers';

describeEachDatabase('activities: the door', (database) => {
  const server = serveDuring(database);
  const db = () => database().db;
  const team = (members = 2) => givenActivityTeam(server, database(), { members });
  const first = <T>(items: T[]): T => {
    const [item] = items;
    if (item === undefined) throw new Error('nothing there');
    return item;
  };

  /** A team with an activity that started ten minutes ago, its first members signed up. */
  async function running({
    signUps = 1,
    ...overrides
  }: {
    slots?: number;
    waitingList?: boolean;
    signUps?: number;
  } = {}) {
    const given = await team(2);
    const activity = await givenPublishedActivity(
      given.leader.api,
      given.organization.id,
      overrides,
    );
    for (const resident of given.residents.slice(0, signUps)) {
      await given.leader.api.activities.signUpMember.mutate({
        idempotencyKey: key(),
        activityId: activity.id,
        residentId: resident.id,
      });
    }
    await moveActivity(db(), activity.id, { startedHoursAgo: 1 / 6, hours: 2 });
    return { ...given, activity, member: first(given.residents) };
  }

  describe("the leader's phone", () => {
    it('checks a resident in by card number once, however often it is asked', async () => {
      const { leader, activity, member, communityId } = await running();
      const input = {
        idempotencyKey: key(),
        activityId: activity.id,
        cardNumber: member.cardNumber,
      };
      const checkedIn = await leader.api.activities.checkIn.mutate(input);
      expect(checkedIn).toEqual({
        activityId: activity.id,
        residentId: member.id,
        displayName: member.displayName,
        checkedInAt: expect.any(String),
        localTime: expect.stringMatching(/^\d{2}:\d{2}$/),
        walkIn: false,
        alreadyCheckedIn: false,
      });
      expect(await leader.api.activities.checkIn.mutate(input)).toEqual(checkedIn);
      const again = await leader.api.activities.checkIn.mutate({ ...input, idempotencyKey: key() });
      expect(again).toEqual({ ...checkedIn, alreadyCheckedIn: true });
      const rows = await db()
        .selectFrom('activity_attendance')
        .selectAll()
        .where('activity_id', '=', activity.id)
        .execute();
      expect(rows).toHaveLength(1);
      expect(
        (await auditActions(db(), communityId)).filter((e) => e.action === 'activities.checkIn'),
      ).toHaveLength(1);
      expect(await leader.api.activities.get.query({ id: activity.id })).toMatchObject({
        checkedIn: 1,
      });
    });

    it('checks in walk-ins, and residents still waiting for a place, as walk-ins', async () => {
      const { leader, office, activity, residents, communityId } = await running({
        slots: 1,
        waitingList: true,
        signUps: 2,
      });
      const waiting = residents[1];
      if (!waiting) throw new Error('two members');
      const stranger = await givenActivityResident(db(), communityId);
      for (const resident of [stranger, waiting]) {
        const checkedIn = await leader.api.activities.checkIn.mutate({
          idempotencyKey: key(),
          activityId: activity.id,
          cardNumber: resident.cardNumber,
        });
        expect(checkedIn).toMatchObject({ residentId: resident.id, walkIn: true });
      }
      const { entries } = await office.api.activities.attendance.query({ activityId: activity.id });
      expect(entries.map((e) => [e.resident.id, e.signUp, e.walkIn, e.minutes])).toEqual(
        expect.arrayContaining([
          [stranger.id, null, true, 120],
          [waiting.id, 'waitlisted', true, 120],
          [first(residents).id, 'signed_up', false, null],
        ]),
      );
    });

    it('checks out, counting check-out − check-in, capped by the activity’s length', async () => {
      const { leader, activity, member } = await running();
      const input = {
        idempotencyKey: key(),
        activityId: activity.id,
        cardNumber: member.cardNumber,
      };
      await expectApiError(leader.api.activities.checkOut.mutate(input), 'NOT_CHECKED_IN');
      await leader.api.activities.checkIn.mutate({ ...input, idempotencyKey: key() });
      await setDoorTimes(
        db(),
        { activityId: activity.id, residentId: member.id },
        {
          inAfter: -30,
          outAfter: null,
        },
      );
      const out = await leader.api.activities.checkOut.mutate({ ...input, idempotencyKey: key() });
      // Checked in 30 minutes before the start, out 10 minutes after it: 40 minutes.
      expect(out).toMatchObject({ residentId: member.id, minutes: 40, alreadyCheckedOut: false });
      const again = await leader.api.activities.checkOut.mutate({
        ...input,
        idempotencyKey: key(),
      });
      expect(again).toEqual({ ...out, alreadyCheckedOut: true });
    });

    it('opens the door an hour before the start, and never for a cancelled activity', async () => {
      const { leader, organization, residents } = await team(1);
      const member = first(residents);
      const activity = await givenPublishedActivity(leader.api, organization.id);
      const input = () => ({
        idempotencyKey: key(),
        activityId: activity.id,
        cardNumber: member.cardNumber,
      });
      const early = await expectApiError(
        leader.api.activities.checkIn.mutate(input()),
        'ACTIVITY_NOT_OPEN',
      );
      expect(early.message).toContain('an hour before');
      await moveActivity(db(), activity.id, { startedHoursAgo: -0.5 });
      expect(await leader.api.activities.checkIn.mutate(input())).toMatchObject({
        alreadyCheckedIn: false,
      });
      await leader.api.activities.cancel.mutate({
        idempotencyKey: key(),
        id: activity.id,
        reason: 'Hall flooded',
      });
      await expectApiError(leader.api.activities.checkIn.mutate(input()), 'ACTIVITY_NOT_OPEN');
      await expectApiError(leader.api.activities.checkOut.mutate(input()), 'ACTIVITY_NOT_OPEN');
    });

    it('is for the leaders of its organization and the office; an unknown card is not found', async () => {
      const { activity, member, auditor, leaderOf, office } = await running();
      const input = {
        idempotencyKey: key(),
        activityId: activity.id,
        cardNumber: member.cardNumber,
      };
      await expectApiError((await leaderOf([])).api.activities.checkIn.mutate(input), 'FORBIDDEN');
      await expectApiError(auditor.api.activities.checkIn.mutate(input), 'FORBIDDEN');
      await expectApiError(
        office.api.activities.checkIn.mutate({ ...input, cardNumber: 'NOPE-0000' }),
        'NOT_FOUND',
      );
      await expectApiError((await team()).office.api.activities.checkIn.mutate(input), 'NOT_FOUND');
    });
  });

  describe('a kiosk in activity mode', () => {
    it('is switched by the office, knows its mode, and checks in by card tap or card and PIN', async () => {
      const { office, activity, member, residents, kiosk, communityId } = await running();
      expect(await kiosk.api.kiosk.mode.query()).toEqual({ activity: null });
      const switched = await office.api.kiosks.setActivityMode.mutate({
        idempotencyKey: key(),
        kioskId: kiosk.id,
        activityId: activity.id,
      });
      expect(switched.activity).toEqual({ id: activity.id, title: activity.title });
      expect(await kiosk.api.kiosk.mode.query()).toEqual({
        activity: {
          id: activity.id,
          title: activity.title,
          organizationName: activity.organization.name,
          place: activity.place,
          startsAt: expect.any(String),
          endsAt: expect.any(String),
          checkedIn: 0,
        },
      });
      const tapped = await kiosk.api.kiosk.checkIn.mutate({
        idempotencyKey: key(),
        activityId: activity.id,
        cardNumber: member.cardNumber,
      });
      expect(tapped).toMatchObject({
        residentId: member.id,
        displayName: member.displayName,
        localTime: expect.stringMatching(/^\d{2}:\d{2}$/),
        alreadyCheckedIn: false,
      });
      const other = residents[1];
      if (!other) throw new Error('two members');
      await expectApiError(
        kiosk.api.kiosk.checkIn.mutate({
          idempotencyKey: key(),
          activityId: activity.id,
          cardNumber: other.cardNumber,
          pin: '0000',
        }),
        'WRONG_PIN',
      );
      const typed = await kiosk.api.kiosk.checkIn.mutate({
        idempotencyKey: key(),
        activityId: activity.id,
        cardNumber: other.cardNumber,
        pin: ACTIVITY_PIN,
      });
      expect(typed).toMatchObject({ residentId: other.id, walkIn: true });
      expect((await kiosk.api.kiosk.mode.query()).activity?.checkedIn).toBe(2);
      const actions = (await auditActions(db(), communityId)).map((e) => e.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          'kiosks.setActivityMode',
          'kiosk.identify_failed',
          'kiosk.checkIn',
        ]),
      );
      await expectApiError(
        kiosk.api.kiosk.checkIn.mutate({
          idempotencyKey: key(),
          activityId: activity.id,
          cardNumber: 'NOPE-0000',
        }),
        'NOT_FOUND',
      );
      // Back to its usual screens: it checks no one in any more.
      await office.api.kiosks.setActivityMode.mutate({
        idempotencyKey: key(),
        kioskId: kiosk.id,
        activityId: null,
      });
      expect(await kiosk.api.kiosk.mode.query()).toEqual({ activity: null });
      await expectApiError(
        kiosk.api.kiosk.checkIn.mutate({
          idempotencyKey: key(),
          activityId: activity.id,
          cardNumber: member.cardNumber,
        }),
        'FORBIDDEN',
      );
    });

    it('answers a replayed check-in with the first answer and records one check-in', async () => {
      const { office, activity, member, kiosk } = await running();
      await office.api.kiosks.setActivityMode.mutate({
        idempotencyKey: key(),
        kioskId: kiosk.id,
        activityId: activity.id,
      });
      const input = {
        idempotencyKey: key(),
        activityId: activity.id,
        cardNumber: member.cardNumber,
      };
      const firstAnswer = await kiosk.api.kiosk.checkIn.mutate(input);
      expect(await kiosk.api.kiosk.checkIn.mutate(input)).toEqual(firstAnswer);
      expect(
        await kiosk.api.kiosk.checkIn.mutate({ ...input, idempotencyKey: key() }),
      ).toMatchObject({ alreadyCheckedIn: true, checkedInAt: firstAnswer.checkedInAt });
      const { entries } = await office.api.activities.attendance.query({ activityId: activity.id });
      expect(entries.filter((e) => e.checkedInAt !== null)).toHaveLength(1);
    });

    it('refuses a card the office locked, even tapped', async () => {
      const { office, activity, member, kiosk } = await running();
      await office.api.kiosks.setActivityMode.mutate({
        idempotencyKey: key(),
        kioskId: kiosk.id,
        activityId: activity.id,
      });
      await office.api.residents.setCardLock.mutate({
        idempotencyKey: key(),
        id: member.id,
        locked: true,
      });
      await expectApiError(
        kiosk.api.kiosk.checkIn.mutate({
          idempotencyKey: key(),
          activityId: activity.id,
          cardNumber: member.cardNumber,
        }),
        'PIN_LOCKED',
      );
    });

    it('is for published activities, set by the office only, and left when the activity is cancelled', async () => {
      const { office, leader, organization, kiosk } = await team(0);
      const draft = await office.api.activities.create.mutate({
        idempotencyKey: key(),
        organizationId: organization.id,
        title: { zh: '草稿', en: '' },
        category: 'culture',
        place: 'Hall',
        startsAt: new Date(Date.now() + 3_600_000).toISOString(),
        endsAt: new Date(Date.now() + 7_200_000).toISOString(),
      });
      const input = { idempotencyKey: key(), kioskId: kiosk.id, activityId: draft.id };
      await expectApiError(office.api.kiosks.setActivityMode.mutate(input), 'ACTIVITY_NOT_OPEN');
      await office.api.activities.publish.mutate({ idempotencyKey: key(), id: draft.id });
      await expectApiError(
        leader.api.kiosks.setActivityMode.mutate({ ...input, idempotencyKey: key() }),
        'FORBIDDEN',
      );
      await office.api.kiosks.setActivityMode.mutate({ ...input, idempotencyKey: key() });
      expect((await office.api.kiosks.list.query())[0]?.activity?.id).toBe(draft.id);
      await office.api.activities.cancel.mutate({
        idempotencyKey: key(),
        id: draft.id,
        reason: 'Speaker ill',
      });
      expect(await kiosk.api.kiosk.mode.query()).toEqual({ activity: null });
      await expectApiError(
        (await team(0)).office.api.kiosks.setActivityMode.mutate({
          ...input,
          idempotencyKey: key(),
        }),
        'NOT_FOUND',
      );
    });
  });
});
