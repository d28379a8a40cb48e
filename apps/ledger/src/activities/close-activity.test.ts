import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { auditActions } from '../residents/test-helpers';
import { balancesOf, givenOfficeUser } from '../service/test-helpers';
import { expectApiError, serveDuring } from '../test/api';
import {
  givenActivityResident,
  givenActivityTeam,
  givenPublishedActivity,
  key,
  moveActivity,
  setDoorTimes,
} from './test-helpers';

describeEachDatabase('activities: closing', (database) => {
  const server = serveDuring(database);
  const db = () => database().db;

  /**
   * Four members signed up for a two-hour activity of the leader's that started three hours
   * ago: the first checked out after 90 minutes, the second after 150 (capped at 120), the
   * third never checked out, the fourth never came; a neighbour walked in.
   */
  async function afterTheActivity() {
    const given = await givenActivityTeam(server, database(), { members: 4 });
    const { leader, organization, residents, communityId } = given;
    const activity = await givenPublishedActivity(leader.api, organization.id, { slots: 10 });
    for (const resident of residents) {
      await leader.api.activities.signUpMember.mutate({
        idempotencyKey: key(),
        activityId: activity.id,
        residentId: resident.id,
      });
    }
    await moveActivity(db(), activity.id, { startedHoursAgo: 3, hours: 2 });
    const walkIn = await givenActivityResident(db(), communityId);
    const [early, late, stayed, absent] = residents;
    if (!early || !late || !stayed || !absent) throw new Error('four members');
    for (const resident of [early, late, stayed, walkIn]) {
      await leader.api.activities.checkIn.mutate({
        idempotencyKey: key(),
        activityId: activity.id,
        cardNumber: resident.cardNumber,
      });
    }
    const door = (residentId: string) => ({ activityId: activity.id, residentId });
    await setDoorTimes(db(), door(early.id), { inAfter: 0, outAfter: 90 });
    await setDoorTimes(db(), door(late.id), { inAfter: -10, outAfter: 140 });
    await setDoorTimes(db(), door(stayed.id), { inAfter: 5, outAfter: null });
    await setDoorTimes(db(), door(walkIn.id), { inAfter: 20, outAfter: null });
    return { ...given, activity, early, late, stayed, absent, walkIn };
  }

  it('turns attendance into pending records with the right minutes, and records no-shows', async () => {
    const { leader, activity, early, late, stayed, absent, walkIn, communityId } =
      await afterTheActivity();
    const closed = await leader.api.activities.close.mutate({
      idempotencyKey: key(),
      id: activity.id,
      adjustments: [{ residentId: walkIn.id, minutes: 45, reason: '中途离开，组长核实' }],
    });
    const minutesOf = Object.fromEntries(closed.records.map((r) => [r.residentId, r.minutes]));
    expect(minutesOf).toEqual({
      [early.id]: 90,
      [late.id]: 120,
      [stayed.id]: 120,
      [walkIn.id]: 45,
    });
    expect(closed.records.every((r) => r.status === 'pending')).toBe(true);
    expect(closed.noShows).toEqual([absent.id]);
    const records = await db()
      .selectFrom('service_records')
      .select([
        'resident_id',
        'minutes',
        'note',
        'status',
        'activity_id',
        'activity_title',
        'logged_by',
      ])
      .where('activity_id', '=', activity.id)
      .execute();
    expect(records).toHaveLength(4);
    expect(records.find((r) => r.resident_id === walkIn.id)).toMatchObject({
      note: '中途离开，组长核实',
      activity_title: '读书会',
      logged_by: leader.user.id,
    });
    expect(await leader.api.activities.get.query({ id: activity.id })).toMatchObject({
      status: 'closed',
      checkedIn: 4,
      noShows: 1,
    });
    const { entries } = await leader.api.activities.attendance.query({ activityId: activity.id });
    expect(entries.find((e) => e.resident.id === walkIn.id)).toMatchObject({
      minutes: 45,
      adjustment: { minutes: 45, reason: '中途离开，组长核实' },
      serviceRecordId: expect.any(String),
    });
    expect(entries.find((e) => e.resident.id === absent.id)).toMatchObject({
      signUp: 'no_show',
      checkedInAt: null,
    });
    const [audit] = (await auditActions(db(), communityId)).filter(
      (e) => e.action === 'activities.close',
    );
    expect(audit?.details).toMatchObject({ noShows: [absent.id] });
    // Nothing was credited: the office has not reviewed anything yet.
    expect(await balancesOf(database(), communityId, early)).toEqual({ points: 0, minutes: 0 });
  });

  it('goes to the office for review, whose approval credits points by the rule in force', async () => {
    const { leader, office, activity, early, communityId } = await afterTheActivity();
    await office.api.rules.publish.mutate({
      idempotencyKey: key(),
      basePointsPerHour: 20,
      categoryWeights: { culture: 150 },
    });
    const closed = await leader.api.activities.close.mutate({
      idempotencyKey: key(),
      id: activity.id,
    });
    const pending = await office.api.service.list.query({ status: 'pending' });
    expect(pending.items.map((r) => r.id).sort()).toEqual(closed.records.map((r) => r.id).sort());
    const record = closed.records.find((r) => r.residentId === early.id);
    if (!record) throw new Error('no record for the first resident');
    const { records } = await office.api.service.review.mutate({
      idempotencyKey: key(),
      recordIds: [record.id],
      decision: 'approve',
    });
    // 90 minutes at 20 points an hour, culture weighted 150%: 45 points.
    expect(records).toEqual([
      expect.objectContaining({ status: 'approved', points: 45, ruleVersion: 1 }),
    ]);
    expect(await balancesOf(database(), communityId, early)).toEqual({ points: 45, minutes: 90 });
  });

  it('keeps maker and checker apart: whoever closed it cannot approve it', async () => {
    const { office, activity, communityId } = await afterTheActivity();
    const closed = await office.api.activities.close.mutate({
      idempotencyKey: key(),
      id: activity.id,
    });
    const recordIds = closed.records.map((r) => r.id);
    await expectApiError(
      office.api.service.review.mutate({ idempotencyKey: key(), recordIds, decision: 'approve' }),
      'SELF_APPROVAL',
    );
    const second = await givenOfficeUser(server, database(), communityId);
    const { records } = await second.api.service.review.mutate({
      idempotencyKey: key(),
      recordIds,
      decision: 'approve',
    });
    expect(records.every((r) => r.status === 'approved')).toBe(true);
  });

  it('answers a replay with the first answer, and closes only once', async () => {
    const { leader, activity, communityId } = await afterTheActivity();
    const input = { idempotencyKey: key(), id: activity.id };
    const closed = await leader.api.activities.close.mutate(input);
    expect(await leader.api.activities.close.mutate(input)).toEqual(closed);
    const again = await expectApiError(
      leader.api.activities.close.mutate({ ...input, idempotencyKey: key() }),
      'ACTIVITY_NOT_OPEN',
    );
    expect(again.message).toContain('closed');
    const records = await db()
      .selectFrom('service_records')
      .select('id')
      .where('activity_id', '=', activity.id)
      .execute();
    expect(records).toHaveLength(4);
    expect(
      (await auditActions(db(), communityId)).filter((e) => e.action === 'activities.close'),
    ).toHaveLength(1);
  });

  it('refuses to adjust the minutes of someone not checked in, and writes nothing', async () => {
    const { leader, activity, absent } = await afterTheActivity();
    const error = await expectApiError(
      leader.api.activities.close.mutate({
        idempotencyKey: key(),
        id: activity.id,
        adjustments: [{ residentId: absent.id, minutes: 60, reason: 'Came late' }],
      }),
      'NOT_CHECKED_IN',
    );
    expect(error.data).toMatchObject({ details: { residentIds: [absent.id] } });
    await expectApiError(
      leader.api.activities.close.mutate({
        idempotencyKey: key(),
        id: activity.id,
        adjustments: [{ residentId: absent.id, minutes: 60, reason: ' ' }],
      }),
      'VALIDATION_FAILED',
    );
    expect(await leader.api.activities.get.query({ id: activity.id })).toMatchObject({
      status: 'published',
    });
  });

  it('closes only a started, published activity, for its leaders and the office', async () => {
    const { leader, office, organization, auditor, leaderOf } = await givenActivityTeam(
      server,
      database(),
      { members: 0 },
    );
    const upcoming = await givenPublishedActivity(leader.api, organization.id);
    const input = { idempotencyKey: key(), id: upcoming.id };
    const early = await expectApiError(
      leader.api.activities.close.mutate(input),
      'ACTIVITY_NOT_OPEN',
    );
    expect(early.message).toContain('not started');
    await moveActivity(db(), upcoming.id, { startedHoursAgo: 1 });
    await expectApiError(auditor.api.activities.close.mutate(input), 'FORBIDDEN');
    await expectApiError((await leaderOf([])).api.activities.close.mutate(input), 'FORBIDDEN');
    const draft = await office.api.activities.create.mutate({
      idempotencyKey: key(),
      organizationId: organization.id,
      title: { zh: '', en: 'Draft' },
      category: 'culture',
      place: 'Hall',
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
      endsAt: new Date(Date.now() - 1_800_000).toISOString(),
    });
    await expectApiError(
      office.api.activities.close.mutate({ idempotencyKey: key(), id: draft.id }),
      'ACTIVITY_NOT_OPEN',
    );
    // Nobody came: the sheet is empty, and the activity is closed all the same.
    expect(await office.api.activities.close.mutate(input)).toEqual({ records: [], noShows: [] });
  });

  describe('after closing', () => {
    it('checks no one in any more, and nobody signs up', async () => {
      const { leader, activity, absent } = await afterTheActivity();
      await leader.api.activities.close.mutate({ idempotencyKey: key(), id: activity.id });
      await expectApiError(
        leader.api.activities.checkIn.mutate({
          idempotencyKey: key(),
          activityId: activity.id,
          cardNumber: absent.cardNumber,
        }),
        'ACTIVITY_NOT_OPEN',
      );
      await expectApiError(
        leader.api.activities.signUpMember.mutate({
          idempotencyKey: key(),
          activityId: activity.id,
          residentId: absent.id,
        }),
        'ACTIVITY_NOT_OPEN',
      );
      await expectApiError(
        leader.api.activities.cancel.mutate({
          idempotencyKey: key(),
          id: activity.id,
          reason: 'x',
        }),
        'ACTIVITY_NOT_OPEN',
      );
    });
  });
});
