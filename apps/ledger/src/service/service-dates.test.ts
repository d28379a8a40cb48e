import { randomUUID } from 'node:crypto';
import { describeEachDatabase } from '@tally/db/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { givenKiosk } from '../kiosk/test-helpers';
import { TEST_PIN } from '../residents/test-helpers';
import { expectApiError, newIdempotencyKey, serveDuring } from '../test/api';
import { countRows, givenTeam, sheet } from './test-helpers';

// Dates out of any sensible range (F7, F8): year 9999 or year 1 once made a record that could
// never be approved and a resident's record list that failed from then on; month 0000-01 made
// the reports, the poster and certificates fail.

describeEachDatabase('dates Tally keeps', (database) => {
  const server = serveDuring(database);

  describe('when service is logged', () => {
    it('refuses service in year 9999, in year 1, or more than a day ahead, and logs nothing', async () => {
      const { leader, organization, residents, communityId } = await givenTeam(server, database());
      const inThreeDays = new Date(Date.now() + 3 * 86_400_000).toISOString();
      for (const startedAt of ['9999-12-31T09:00:00+08:00', '0001-01-01T09:00:00Z', inThreeDays]) {
        const error = await expectApiError(
          leader.api.service.log.mutate({ ...sheet(organization.id, residents), startedAt }),
          'VALIDATION_FAILED',
        );
        expect(error.message).toContain('startedAt');
      }
      expect(await countRows(database(), 'service_records', communityId)).toBe(0);
    });

    it("takes this evening's sign-in sheet, logged this morning", async () => {
      const { leader, organization, residents } = await givenTeam(server, database());
      const tonight = new Date(Date.now() + 10 * 3_600_000).toISOString();
      const logged = await leader.api.service.log.mutate({
        ...sheet(organization.id, residents),
        startedAt: tonight,
      });
      expect(logged.records).toHaveLength(residents.length);
    });
  });

  describe('when a period or a month is asked for', () => {
    it('answers VALIDATION_FAILED for calendar edges, never a failure of its own', async () => {
      const { office, residents } = await givenTeam(server, database(), { members: 1 });
      await expectApiError(
        office.api.insights.poster.query({ month: '0000-01' }),
        'VALIDATION_FAILED',
      );
      await expectApiError(
        office.api.insights.structure.query({ from: '0000-01-01', to: '2026-01-31' }),
        'VALIDATION_FAILED',
      );
      await expectApiError(
        office.api.certificates.issue.mutate({
          idempotencyKey: newIdempotencyKey(),
          residentId: residents[0]?.id ?? '',
          from: '0000-01-01',
          to: '2026-01-31',
        }),
        'VALIDATION_FAILED',
      );
      await expectApiError(
        office.api.rules.preview.query({
          basePointsPerHour: 10,
          categoryWeights: {},
          from: '9999-12-01',
          to: '9999-12-31',
        }),
        'VALIDATION_FAILED',
      );
    });
  });

  describe('records stored before the bounds', () => {
    it('still lists them, at the kiosk and in the admin, without failing', async () => {
      const team = await givenTeam(server, database(), { members: 1 });
      const [resident] = team.residents;
      if (!resident) throw new Error('no member');
      const { db } = database();
      // A database from before the bound: the check came later and does not hold old rows.
      await sql`alter table service_records drop constraint if exists service_records_started_at_range`.execute(
        db,
      );
      for (const startedAt of ['9999-12-31T23:30:00Z', '0001-01-01T00:10:00Z']) {
        await db
          .insertInto('service_records')
          .values({
            community_id: team.communityId,
            id: randomUUID(),
            organization_id: team.organization.id,
            resident_id: resident.id,
            activity_title: 'Typo in the year',
            category: 'environment',
            place: 'Park',
            started_at: startedAt,
            minutes: 60,
            logged_by: team.leader.user.id,
          })
          .execute();
      }
      const kiosk = await givenKiosk(server, db, team.communityId);
      const { residentToken } = await kiosk.api.kiosk.identify.mutate({
        cardNumber: resident.cardNumber,
        pin: TEST_PIN,
      });
      const api = kiosk.asResident(residentToken);
      const mine = await api.kiosk.myRecords.query({});
      expect(mine.items.map((record) => record.activity.title)).toEqual([
        'Typo in the year',
        'Typo in the year',
      ]);
      const listed = await team.office.api.service.list.query({ status: 'pending' });
      expect(listed.items).toHaveLength(2);
      const exported = await fetch(`${server.url}/exports/service-records.csv`, {
        headers: { authorization: `Bearer ${team.office.token}` },
      });
      expect(exported.status).toBe(200);
    });
  });
});
