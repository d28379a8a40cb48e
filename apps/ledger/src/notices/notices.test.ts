import { describeEachDatabase } from '@tally/db/testing';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { givenKiosk } from '../kiosk/test-helpers';
import { approve, givenTeam, logRecords } from '../service/test-helpers';
import { expectApiError, newIdempotencyKey, serveDuring } from '../test/api';

describeEachDatabase('the public notice board', (database) => {
  const server = serveDuring(database);

  async function givenBoard() {
    const team = await givenTeam(server, database(), { members: 2 });
    const [named, unnamed] = team.residents;
    if (!named || !unnamed) throw new Error('team too small');
    await database()
      .db.updateTable('residents')
      .set({ show_name: true, display_name: 'Auntie Li' })
      .where('community_id', '=', team.communityId)
      .where('id', '=', named.id)
      .execute();
    const care = { title: 'Visiting', category: 'elderly_care', place: 'Block 3' } as const;
    const [old = '', recent = ''] = await logRecords(team.leader.api, team.organization.id, named, [
      { startedAt: '2026-03-01T09:00:00+08:00', minutes: 60, activity: care },
      { startedAt: '2026-03-10T23:30:00+08:00', minutes: 90, activity: care },
    ]);
    const [other = '', pending = ''] = await logRecords(
      team.leader.api,
      team.organization.id,
      unnamed,
      [{ startedAt: '2026-03-11T09:00:00+08:00', minutes: 30 }, {}],
    );
    // Approved one after the other: the board lists the newest approval first.
    await approve(team.office.api, [old, recent]);
    await approve(team.office.api, [other]);
    // The first was approved eight days ago: past the default seven-day notice.
    await sql`update service_records set reviewed_at = now() - interval '8 days'
               where community_id = ${team.communityId} and id = ${old}`.execute(database().db);
    const kiosk = await givenKiosk(server, database().db, team.communityId);
    return { ...team, kiosk, records: { old, recent, other, pending } };
  }

  it('shows recently approved service with names only of residents who agreed', async () => {
    const { kiosk, organization, records } = await givenBoard();
    const board = await kiosk.api.kiosk.notices.query({});
    expect(board.noticeDays).toBe(7);
    expect(board.items).toEqual([
      expect.objectContaining({
        serviceRecordId: records.other,
        displayName: 'A resident',
        named: false,
        serviceDate: '2026-03-11',
        minutes: 30,
        hours: 0.5,
      }),
      {
        serviceRecordId: records.recent,
        displayName: 'Auntie Li',
        named: true,
        organization: { id: organization.id, name: organization.name },
        activity: { title: 'Visiting', category: 'elderly_care' },
        serviceDate: '2026-03-10',
        minutes: 90,
        hours: 1.5,
        approvedAt: expect.any(String),
        noticeUntil: expect.any(String),
      },
    ]);
    const [first] = board.items;
    expect(Date.parse(first?.noticeUntil ?? '') - Date.parse(first?.approvedAt ?? '')).toBe(
      7 * 86_400_000,
    );
  });

  it('pages newest first for any staff member', async () => {
    const { leader, auditor, records } = await givenBoard();
    const page = await leader.api.notices.list.query({ limit: 1 });
    expect(page.items.map((n) => n.serviceRecordId)).toEqual([records.other]);
    const next = await auditor.api.notices.list.query({ limit: 1, cursor: page.nextCursor ?? '' });
    expect(next.items.map((n) => n.serviceRecordId)).toEqual([records.recent]);
    expect(next.nextCursor).toBeNull();
    await expectApiError(
      auditor.api.notices.list.query({ cursor: 'nonsense' }),
      'VALIDATION_FAILED',
    );
  });

  it('lets the office set how long service stays on the board, audited and idempotent', async () => {
    const { office, auditor, leader, kiosk, communityId, records } = await givenBoard();
    const request = { idempotencyKey: newIdempotencyKey(), noticeDays: 10 };
    expect(await office.api.notices.setPeriod.mutate(request)).toEqual({ noticeDays: 10 });
    expect(await office.api.notices.setPeriod.mutate(request)).toEqual({ noticeDays: 10 });
    await expectApiError(
      office.api.notices.setPeriod.mutate({ ...request, noticeDays: 11 }),
      'IDEMPOTENCY_CONFLICT',
    );
    expect(await auditor.api.notices.settings.query()).toEqual({ noticeDays: 10 });
    const board = await kiosk.api.kiosk.notices.query({});
    expect(board.items.map((n) => n.serviceRecordId)).toContain(records.old);
    const audit = await database()
      .db.selectFrom('audit_log')
      .select(['action', 'details'])
      .where('community_id', '=', communityId)
      .where('action', '=', 'notices.set_period')
      .execute();
    expect(audit).toEqual([{ action: 'notices.set_period', details: { before: 7, after: 10 } }]);

    await expectApiError(
      leader.api.notices.setPeriod.mutate({ idempotencyKey: newIdempotencyKey(), noticeDays: 3 }),
      'FORBIDDEN',
    );
    await expectApiError(
      auditor.api.notices.setPeriod.mutate({ idempotencyKey: newIdempotencyKey(), noticeDays: 3 }),
      'FORBIDDEN',
    );
    for (const noticeDays of [0, 91, 1.5]) {
      await expectApiError(
        office.api.notices.setPeriod.mutate({ idempotencyKey: newIdempotencyKey(), noticeDays }),
        'VALIDATION_FAILED',
      );
    }
  });

  it("is the kiosk's own community's board, and only for registered kiosks", async () => {
    const { anonymous } = await givenBoard();
    const away = await givenTeam(server, database(), { members: 0 });
    const awayKiosk = await givenKiosk(server, database().db, away.communityId);
    expect((await awayKiosk.api.kiosk.notices.query({})).items).toEqual([]);
    expect((await away.office.api.notices.list.query({})).items).toEqual([]);
    await expectApiError(anonymous.kiosk.notices.query({}), 'UNAUTHORIZED');
  });
});
