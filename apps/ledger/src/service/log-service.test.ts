import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { givenResident } from '../residents/test-helpers';
import { expectApiError, serveDuring } from '../test/api';
import { countRows, givenTeam, sheet } from './test-helpers';

describeEachDatabase('service.log', (database) => {
  const server = serveDuring(database);

  describe('who may log', () => {
    it('lets a leader log a whole sign-in sheet of members as pending records', async () => {
      const { leader, organization, residents, communityId } = await givenTeam(server, database(), {
        members: 3,
      });
      const result = await leader.api.service.log.mutate(
        sheet(organization.id, residents, { note: 'Brought their own books' }),
      );
      expect(result.records).toEqual(
        residents.map((r) => ({ id: expect.any(String), residentId: r.id, status: 'pending' })),
      );
      const stored = await database()
        .db.selectFrom('service_records')
        .selectAll()
        .where('community_id', '=', communityId)
        .execute();
      expect(stored).toHaveLength(3);
      expect(stored[0]).toMatchObject({
        organization_id: organization.id,
        activity_title: 'Reading club',
        category: 'culture',
        place: 'Community hall',
        minutes: 60,
        note: 'Brought their own books',
        status: 'pending',
        logged_by: leader.user.id,
      });
      expect(stored[0]?.started_at.toISOString()).toBe('2026-03-10T01:00:00.000Z');
    });

    it('lets the office log for any organization of its community', async () => {
      const { office, organization, residents } = await givenTeam(server, database());
      const result = await office.api.service.log.mutate(sheet(organization.id, residents));
      expect(result.records).toHaveLength(2);
    });

    it('refuses a leader logging for an organization they do not lead', async () => {
      const team = await givenTeam(server, database());
      const otherLeader = await team.leaderOf([]);
      await expectApiError(
        otherLeader.api.service.log.mutate(sheet(team.organization.id, team.residents)),
        'FORBIDDEN',
      );
      expect(await countRows(database(), 'service_records', team.communityId)).toBe(0);
    });

    it('refuses an auditor', async () => {
      const { auditor, organization, residents } = await givenTeam(server, database());
      await expectApiError(
        auditor.api.service.log.mutate(sheet(organization.id, residents)),
        'FORBIDDEN',
      );
    });

    it('refuses a caller who is not signed in', async () => {
      const { anonymous, organization, residents } = await givenTeam(server, database());
      await expectApiError(
        anonymous.service.log.mutate(sheet(organization.id, residents)),
        'UNAUTHORIZED',
      );
    });
  });

  describe('who may be logged', () => {
    it('refuses the whole sheet when someone on it is not a member, naming them', async () => {
      const team = await givenTeam(server, database());
      const outsider = await givenResident(database().db, team.communityId, { name: 'Wang Fang' });
      const error = await expectApiError(
        team.leader.api.service.log.mutate(
          sheet(team.organization.id, [...team.residents, outsider]),
        ),
        'NOT_A_MEMBER',
      );
      expect(error.message).toContain('Wang Fang');
      expect(error.message).toContain(team.organization.name.en);
      expect(error.data).toMatchObject({ details: { residentIds: [outsider.id] } });
      expect(await countRows(database(), 'service_records', team.communityId)).toBe(0);
    });

    it('refuses residents and organizations of another community', async () => {
      const home = await givenTeam(server, database());
      const away = await givenTeam(server, database());
      await expectApiError(
        home.office.api.service.log.mutate(sheet(away.organization.id, away.residents)),
        'NOT_FOUND',
      );
      const error = await expectApiError(
        home.office.api.service.log.mutate(sheet(home.organization.id, away.residents)),
        'NOT_A_MEMBER',
      );
      // Another community's residents are not named, only echoed back by id.
      expect(error.message).not.toContain(away.residents[0]?.name);
      expect(error.message).toContain(away.residents[0]?.id);
      expect(await countRows(database(), 'service_records', home.communityId)).toBe(0);
      expect(await countRows(database(), 'service_records', away.communityId)).toBe(0);
    });
  });

  describe('validation', () => {
    it('names the field and the rule for minutes outside 1..1440, and writes nothing', async () => {
      const { leader, organization, residents, communityId } = await givenTeam(server, database());
      const error = await expectApiError(
        leader.api.service.log.mutate(sheet(organization.id, residents, { minutes: 1441 })),
        'VALIDATION_FAILED',
      );
      expect(error.message).toContain('minutes');
      await expectApiError(
        leader.api.service.log.mutate(sheet(organization.id, residents, { minutes: 0 })),
        'VALIDATION_FAILED',
      );
      expect(await countRows(database(), 'service_records', communityId)).toBe(0);
    });

    it('refuses an empty sheet, a resident named twice and an unknown category', async () => {
      const { leader, organization, residents } = await givenTeam(server, database());
      await expectApiError(
        leader.api.service.log.mutate(sheet(organization.id, [])),
        'VALIDATION_FAILED',
      );
      const [resident] = residents;
      if (!resident) throw new Error('team has no member');
      const twice = await expectApiError(
        leader.api.service.log.mutate(sheet(organization.id, [resident, resident])),
        'VALIDATION_FAILED',
      );
      expect(twice.message).toContain('residentIds');
      await expectApiError(
        leader.api.service.log.mutate({
          ...sheet(organization.id, residents),
          activity: { title: 'x', place: 'y', category: 'gardening' as 'culture' },
        }),
        'VALIDATION_FAILED',
      );
    });

    it('refuses an activity name longer than 100 characters, says so, and writes nothing', async () => {
      const { leader, organization, residents, communityId } = await givenTeam(server, database());
      const activity = { title: '读'.repeat(101), category: 'culture' as const, place: 'Hall' };
      const error = await expectApiError(
        leader.api.service.log.mutate(sheet(organization.id, residents, { activity })),
        'VALIDATION_FAILED',
      );
      expect(error.message).toContain("Keep the activity's name to 100 characters");
      expect(await countRows(database(), 'service_records', communityId)).toBe(0);
      const longest = { ...activity, title: '读'.repeat(100) };
      await leader.api.service.log.mutate(sheet(organization.id, residents, { activity: longest }));
      expect(await countRows(database(), 'service_records', communityId)).toBe(2);
    });

    it('refuses a start time without a time zone', async () => {
      const { leader, organization, residents } = await givenTeam(server, database());
      await expectApiError(
        leader.api.service.log.mutate(
          sheet(organization.id, residents, { startedAt: '2026-03-10 09:00' }),
        ),
        'VALIDATION_FAILED',
      );
    });
  });

  describe('exactly once', () => {
    it('returns the first result for a replay and logs nothing new', async () => {
      const { leader, organization, residents, communityId } = await givenTeam(server, database());
      const request = sheet(organization.id, residents);
      const first = await leader.api.service.log.mutate(request);
      const replay = await leader.api.service.log.mutate(request);
      expect(replay).toEqual(first);
      expect(await countRows(database(), 'service_records', communityId)).toBe(2);
    });

    it('refuses the same key for a different sheet', async () => {
      const { leader, organization, residents } = await givenTeam(server, database());
      const request = sheet(organization.id, residents);
      await leader.api.service.log.mutate(request);
      await expectApiError(
        leader.api.service.log.mutate({ ...request, minutes: 90 }),
        'IDEMPOTENCY_CONFLICT',
      );
    });
  });

  it('records who logged the sheet, from where, in the audit log', async () => {
    const { leader, organization, residents, communityId } = await givenTeam(server, database());
    const { records } = await leader.api.service.log.mutate(sheet(organization.id, residents));
    const entry = await database()
      .db.selectFrom('audit_log')
      .selectAll()
      .where('community_id', '=', communityId)
      .where('action', '=', 'service.log')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      actor_type: 'staff',
      actor_id: leader.user.id,
      target_type: 'organization',
      target_id: organization.id,
      origin: '127.0.0.1',
    });
    expect(entry.details).toMatchObject({ recordIds: records.map((r) => r.id), minutes: 60 });
  });
});
