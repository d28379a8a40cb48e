import { describeEachDatabase } from '@tally/db/testing';
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { givenIdentifiedResident } from '../kiosk/test-helpers';
import { expectApiError, serveDuring } from '../test/api';
import { statementLog } from '../test/statement-log';

/** The tables that say who is calling: sessions, devices, staff accounts and what they lead. */
const AUTHENTICATION_TABLES =
  /"(staff_sessions|staff_users|organization_leaders|kiosks|kiosk_sessions)"/;

describeEachDatabase('authentication statements', (database) => {
  let log: ReturnType<typeof statementLog>;
  const server = serveDuring(() => {
    log = statementLog(database().db);
    return { ...database(), db: log.db };
  });
  const given = () => givenIdentifiedResident(server, database());

  /** The statements one request ran, and which of them looked at who is calling. */
  async function statementsOf(request: () => Promise<unknown>) {
    log.take();
    await request();
    const all = log.take();
    return { all, authentication: all.filter((sql) => AUTHENTICATION_TABLES.test(sql)) };
  }

  describe('each request resolves its caller with one statement, before the procedure runs', () => {
    beforeEach(() => log?.take());

    it('a member of staff', async () => {
      const { office } = await given();
      // auth.me reads nothing past its caller: the request is the authentication alone.
      const { all, authentication } = await statementsOf(() => office.api.auth.me.query());
      expect(authentication).toHaveLength(1);
      expect(all).toEqual(authentication);
    });

    it('a kiosk device', async () => {
      const { kiosk } = await given();
      const { all, authentication } = await statementsOf(() => kiosk.api.kiosk.goals.query());
      expect(authentication).toHaveLength(1);
      expect(all[0]).toBe(authentication[0]);
    });

    it('a kiosk speaking for an identified resident: device and session in one statement', async () => {
      const { residentApi } = await given();
      const { all, authentication } = await statementsOf(() => residentApi.kiosk.me.query());
      expect(authentication).toHaveLength(1);
      expect(all[0]).toBe(authentication[0]);
    });

    it('a member of staff downloading a file over plain HTTP', async () => {
      const { office } = await given();
      const { all, authentication } = await statementsOf(() =>
        server.app.inject({
          url: '/exports/balances.csv',
          headers: { authorization: `Bearer ${office.token}` },
        }),
      );
      expect(authentication).toHaveLength(1);
      expect(all[0]).toBe(authentication[0]);
    });
  });

  it('notes when a staff session was last used in that same statement', async () => {
    const { office } = await given();
    const [session] = await office.api.auth.sessions.query();
    await database()
      .db.updateTable('staff_sessions')
      .set({ last_seen_at: sql<Date>`now() - interval '5 minutes'` })
      .where('id', '=', session?.id ?? '')
      .execute();
    const { all } = await statementsOf(() => office.api.auth.me.query());
    expect(all).toHaveLength(1);
    const [seen] = await office.api.auth.sessions.query();
    expect(Date.now() - Date.parse(seen?.lastSeenAt ?? '')).toBeLessThan(60_000);
  });

  it("renews a resident's session only on what the resident does, not on the kiosk's own calls", async () => {
    const { residentApi } = await given();
    const { authentication } = await statementsOf(() => residentApi.kiosk.goals.query());
    expect(authentication).toHaveLength(1);
    expect(authentication[0]).not.toMatch(/"kiosk_sessions"/);
  });

  it("refuses a token of another kind without looking it up, with today's errors", async () => {
    const { office, kiosk } = await given();
    const kioskAsStaff = await statementsOf(() =>
      expectApiError(kiosk.api.auth.me.query(), 'UNAUTHORIZED'),
    );
    const staffAsKiosk = await statementsOf(() =>
      expectApiError(office.api.kiosk.goals.query(), 'UNAUTHORIZED'),
    );
    expect([...kioskAsStaff.all, ...staffAsKiosk.all]).toEqual([]);
  });
});
