import { randomUUID } from 'node:crypto';
import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { givenKiosk } from '../kiosk/test-helpers';
import { givenOrganization } from '../residents/test-helpers';
import { daysAgo, givenTeam, logRecords, sheet } from '../service/test-helpers';
import { expectApiError, newIdempotencyKey, serveDuring } from '../test/api';

describeEachDatabase('a missing record named by taps', (database) => {
  const server = serveDuring(database);

  /**
   * A resident of a team whose recent sign-in sheets the kiosk offers: a tree planting three
   * days ago (they are on it) and an older one (a neighbour only), at a kiosk.
   */
  async function givenRecentSheets() {
    const team = await givenTeam(server, database(), { members: 2 });
    const [resident, neighbour] = team.residents;
    if (!resident || !neighbour) throw new Error('team has no members');
    await logRecords(team.leader.api, team.organization.id, resident, [
      {
        activity: { title: 'Tree planting', category: 'environment', place: 'Park' },
        startedAt: daysAgo(3),
      },
    ]);
    await team.leader.api.service.log.mutate(
      sheet(team.organization.id, [neighbour, resident], {
        activity: { title: 'Reading club', category: 'culture', place: 'Hall' },
        startedAt: daysAgo(10, '19:00'),
      }),
    );
    // Older than the 60 days offered.
    await logRecords(team.leader.api, team.organization.id, neighbour, [
      {
        activity: { title: 'Old fair', category: 'culture', place: 'Square' },
        startedAt: daysAgo(70),
      },
    ]);
    const kiosk = await givenKiosk(server, database().db, team.communityId);
    const { residentToken } = await kiosk.api.kiosk.identify.mutate({
      cardNumber: resident.cardNumber,
      pin: '1234',
    });
    return { ...team, resident, kiosk, residentApi: kiosk.asResident(residentToken) };
  }

  describe('kiosk.recentActivities', () => {
    it("lists the community's sheets of the last 60 days, once each, the resident's organizations first", async () => {
      const { residentApi, organization, communityId } = await givenRecentSheets();
      const elsewhere = await givenOrganization(database().db, communityId);
      const recent = await residentApi.kiosk.recentActivities.query();
      expect(recent.organizations[0]).toEqual({
        id: organization.id,
        name: organization.name,
        mine: true,
      });
      expect(recent.organizations.map((o) => o.id)).not.toContain(elsewhere.id);
      expect(recent.activities).toEqual([
        {
          organization: { id: organization.id, name: organization.name },
          title: 'Tree planting',
          category: 'environment',
          date: daysAgo(3).slice(0, 10),
        },
        {
          organization: { id: organization.id, name: organization.name },
          title: 'Reading club',
          category: 'culture',
          date: daysAgo(10).slice(0, 10),
        },
      ]);
      expect(recent.to).toBe(daysAgo(0).slice(0, 10));
      expect(recent.from).toBe(daysAgo(59).slice(0, 10));
      expect(JSON.stringify(recent)).not.toMatch(/Resident|C[0-9A-F]{8}/);
    });

    it("never shows another community's sheets, and needs an identified resident", async () => {
      const mine = await givenRecentSheets();
      const other = await givenRecentSheets();
      const recent = await mine.residentApi.kiosk.recentActivities.query();
      const organizations = recent.activities.map((a) => a.organization.id);
      expect(organizations).not.toContain(other.organization.id);
      expect(recent.organizations.map((o) => o.id)).toEqual([mine.organization.id]);

      await expectApiError(mine.kiosk.api.kiosk.recentActivities.query(), 'SESSION_EXPIRED');
      await expectApiError(mine.office.api.kiosk.recentActivities.query(), 'UNAUTHORIZED');
    });
  });

  describe('kiosk.requestCorrection', () => {
    it('reaches the office with organization, day and activity, and no reason needed', async () => {
      const { residentApi, office, organization, resident } = await givenRecentSheets();
      const [sheetPicked] = (await residentApi.kiosk.recentActivities.query()).activities;
      if (!sheetPicked) throw new Error('no recent sheet');
      const sent = await residentApi.kiosk.requestCorrection.mutate({
        idempotencyKey: newIdempotencyKey(),
        kind: 'missing_record',
        organizationId: sheetPicked.organization.id,
        serviceDate: sheetPicked.date,
        activityTitle: sheetPicked.title,
      });
      const missing = {
        organization: { id: organization.id, name: organization.name },
        serviceDate: daysAgo(3).slice(0, 10),
        activityTitle: 'Tree planting',
      };
      expect(sent).toMatchObject({ kind: 'missing_record', reason: '', missing, record: null });

      const queue = await office.api.corrections.list.query({ status: 'open' });
      expect(queue.items).toContainEqual(
        expect.objectContaining({
          id: sent.id,
          missing,
          resident: expect.objectContaining({ id: resident.id }),
        }),
      );
      const mine = await residentApi.kiosk.myCorrections.query({});
      expect(mine.items[0]).toMatchObject({ id: sent.id, missing });
    });

    it('keeps a free-text reason beside the details, and wrong hours carry no details', async () => {
      const { residentApi, organization } = await givenRecentSheets();
      const sent = await residentApi.kiosk.requestCorrection.mutate({
        idempotencyKey: newIdempotencyKey(),
        kind: 'missing_record',
        organizationId: organization.id,
        serviceDate: daysAgo(5).slice(0, 10),
        reason: 'I helped at the door',
      });
      expect(sent).toMatchObject({
        reason: 'I helped at the door',
        missing: { serviceDate: daysAgo(5).slice(0, 10), activityTitle: null },
      });
      // Checked before any record is looked up.
      await expectApiError(
        residentApi.kiosk.requestCorrection.mutate({
          idempotencyKey: newIdempotencyKey(),
          kind: 'wrong_hours',
          serviceRecordId: randomUUID(),
          proposedMinutes: 90,
          reason: 'Longer',
          organizationId: organization.id,
        }),
        'VALIDATION_FAILED',
      );
    });

    it('refuses a request that says nothing, a day to come, and an organization of another community', async () => {
      const { residentApi, organization } = await givenRecentSheets();
      const other = await givenRecentSheets();
      const ask = (fields: Record<string, string>) =>
        residentApi.kiosk.requestCorrection.mutate({
          idempotencyKey: newIdempotencyKey(),
          kind: 'missing_record',
          ...fields,
        });
      await expectApiError(ask({}), 'VALIDATION_FAILED');
      await expectApiError(ask({ activityTitle: 'Tree planting' }), 'VALIDATION_FAILED');
      await expectApiError(
        ask({ organizationId: organization.id, serviceDate: daysAgo(-3).slice(0, 10) }),
        'VALIDATION_FAILED',
      );
      await expectApiError(
        ask({ organizationId: other.organization.id, serviceDate: daysAgo(3).slice(0, 10) }),
        'NOT_FOUND',
      );
    });
  });
});
