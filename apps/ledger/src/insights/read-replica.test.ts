import { type DatabaseHandle, openDatabase } from '@tally/db/connect';
import { describeWithServer, openTestDatabase, type TestDatabase } from '@tally/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { givenKiosk, givenResident, givenReward, identify } from '../kiosk/test-helpers';
import { givenPeople, givenService, givenTeamOrganization } from '../reports/test-helpers';
import {
  type ApiClient,
  apiClient,
  givenCommunityWithStaff,
  newIdempotencyKey,
  startTestServer,
  type TestServer,
} from '../test/api';

// Heavy reads from a real streaming standby (tooling/db/start-replica.sh). One service reads
// reports, exports and journal pages from the standby, another reads everything from the
// primary; both write to the primary. Pausing the standby's replay makes "read from the
// standby" visible: what it serves stops moving while the primary's figures move on.

const DAY = 24 * 60 * 60 * 1000;

describeWithServer(
  'heavy reads from a streaming replica',
  { env: 'TEST_DATABASE_READ_URL', example: 'postgres://postgres@127.0.0.1:5433/test' },
  (readUrl) => {
    let primary: TestDatabase;
    let standby: DatabaseHandle;
    let withReplica: TestServer;
    let primaryOnly: TestServer;

    beforeAll(async () => {
      primary = await openTestDatabase('postgres');
      standby = await openDatabase({ url: readUrl, searchPath: primary.schema, poolSize: 4 });
      withReplica = await startTestServer(primary, { readDb: standby.db });
      primaryOnly = await startTestServer(primary);
    });
    afterAll(async () => {
      await resumeReplay();
      await withReplica?.close();
      await primaryOnly?.close();
      await standby?.close();
      await primary?.close();
    });

    const pauseReplay = async () => {
      await sql`select pg_wal_replay_pause()`.execute(standby.db);
      await until(async () => {
        const { rows } = await sql<{ state: string }>`
          select pg_get_wal_replay_pause_state() as state`.execute(standby.db);
        return rows[0]?.state === 'paused';
      });
    };
    async function resumeReplay() {
      await sql`select pg_wal_replay_resume()`.execute(standby?.db);
    }
    const caughtUp = (office: ApiClient) =>
      until(async () => (await office.insights.freshness.query()).lagSeconds === 0);

    /** A community with service to report on and a resident with points, set up on the primary. */
    async function givenCommunity() {
      const community = await givenCommunityWithStaff(withReplica, primary);
      const { db } = primary;
      const { communityId } = community;
      const organization = await givenTeamOrganization(db, communityId);
      const people = await givenPeople(db, communityId, 6, { birthYear: 1960, building: 'A' });
      await givenService(
        db,
        { communityId, organizationId: organization.id, loggedBy: community.office.user.id },
        people.map((person, i) => ({
          residentId: person.id,
          startedAt: new Date(Date.now() - (i + 2) * DAY).toISOString(),
          minutes: 60 + i * 15,
        })),
      );
      const kiosk = await givenKiosk(withReplica, db, communityId);
      const resident = await givenResident(db, communityId, { points: 100 });
      const reward = await givenReward(community.office.api, { points: 20, stock: 10 });
      const { api: residentApi } = await identify(kiosk, resident);
      const redeem = () =>
        residentApi.kiosk.redeem.mutate({
          idempotencyKey: newIdempotencyKey(),
          rewardId: reward.id,
          quantity: 1,
        });
      return { ...community, resident, residentApi, redeem };
    }

    /** What a staff member sees in every heavy read, through one service. */
    async function heavyReads(server: TestServer, token: string) {
      const api = apiClient(server.url, { token });
      const csv = async (path: string) =>
        (
          await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } })
        ).text();
      return {
        structure: await api.insights.structure.query({}),
        willingness: await api.insights.willingness.query({}),
        motivation: await api.insights.motivation.query({}),
        organizations: await api.insights.organizations.query({}),
        journal: await api.ledger.journal.query({ limit: 50 }),
        journalCsv: await csv('/exports/journal.csv'),
        structureCsv: await csv('/reports/structure.csv'),
      };
    }

    it('serves reports, exports and journal pages from the standby, matching the primary once it has caught up', async () => {
      const community = await givenCommunity();
      const { office } = community;
      await community.redeem();
      // Caught up with everything written so far (other test files write on, so a later
      // look may find the standby a few milliseconds behind again).
      await caughtUp(office.api);
      expect((await office.api.insights.freshness.query()).replica).toBe(true);
      const before = await heavyReads(withReplica, office.token);
      expect(before).toEqual(await heavyReads(primaryOnly, office.token));

      await pauseReplay();
      try {
        await community.redeem();
        // The primary's figures moved on; the standby's did not.
        expect((await office.api.insights.freshness.query()).lagSeconds).not.toBe(0);
        const stale = await heavyReads(withReplica, office.token);
        const fresh = await heavyReads(primaryOnly, office.token);
        expect(stale).toEqual(before);
        expect(fresh.journal.items.length).toBe(before.journal.items.length + 1);
        expect(fresh.journalCsv).not.toEqual(before.journalCsv);
      } finally {
        await resumeReplay();
      }

      await caughtUp(office.api);
      expect(await heavyReads(withReplica, office.token)).toEqual(
        await heavyReads(primaryOnly, office.token),
      );
    });

    it("reads a resident's balance right after redeeming from the primary, even while the standby lags", async () => {
      const community = await givenCommunity();
      const { office, resident, residentApi } = community;
      await caughtUp(office.api);
      await pauseReplay();
      try {
        const redeemed = await community.redeem();
        expect(redeemed.pointsAfter).toBe(80);
        expect((await residentApi.kiosk.me.query()).points).toBe(80);
        expect((await office.api.ledger.balances.query({ residentId: resident.id })).points).toBe(
          80,
        );
        // The standby itself still holds the balance from before the redemption.
        const onStandby = await standby.db
          .selectFrom('ledger_accounts')
          .select('balance')
          .where('community_id', '=', community.communityId)
          .where('id', '=', resident.pointsAccountId)
          .executeTakeFirstOrThrow();
        expect(onStandby.balance).toBe(100);
      } finally {
        await resumeReplay();
      }
    });

    it('says the figures are current, without a replica, when every read goes to the primary', async () => {
      const { office } = await givenCommunityWithStaff(primaryOnly, primary);
      expect(await office.api.insights.freshness.query()).toMatchObject({
        replica: false,
        lagSeconds: 0,
      });
    });
  },
);

/** Polls `done` every 50 ms, failing after 30 s (a loaded CI machine replays slower). */
async function until(done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('gave up waiting after 30 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
