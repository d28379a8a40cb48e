import { type DatabaseHandle, openDatabase } from '@tally/db/connect';
import { describeWithServer, openTestDatabase, type TestDatabase } from '@tally/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { givenActivityTeam, givenPublishedActivity, key } from './activities/test-helpers';
import { startPhoneSession } from './auth/phone-sessions';
import { startResidentSession } from './auth/resident-sessions';
import {
  givenIdentifiedResident,
  givenKiosk,
  givenReward,
  stockOf,
  TEST_PIN,
} from './kiosk/test-helpers';
import { verifyLedger } from './ledger/verify-ledger';
import {
  apiClient,
  givenCommunityWithStaff,
  newIdempotencyKey,
  startTestServer,
  TEST_PASSWORD,
  type TestServer,
} from './test/api';

// Two instances of the service (two real Fastify servers, each with its own pool) over one
// database, and every race spread across both: what one instance knows, the other must too.
// Through pgbouncer in transaction mode when TEST_POOLER_URL is set (as in CI), so no
// instance may lean on a session of its own either; straight to PostgreSQL otherwise.

type Outcome = { ok: boolean; code?: string };
const codeOf = (error: unknown) => (error as { data?: { domainCode?: string } }).data?.domainCode;
/** Each call's outcome, in order: fulfilled, or the domain code it was refused with. */
const settle = (calls: Promise<unknown>[]): Promise<Outcome[]> =>
  Promise.all(
    calls.map((call) =>
      call.then(
        () => ({ ok: true }),
        (e) => ({ ok: false, code: codeOf(e) }),
      ),
    ),
  );
const count = (outcomes: Outcome[], code?: string) =>
  outcomes.filter((o) => (code ? o.code === code : o.ok)).length;

describeWithServer(
  'several service instances over one database',
  { env: 'TEST_DATABASE_URL', example: 'postgres://postgres@127.0.0.1:5432/test' },
  () => {
    let database: TestDatabase;
    let secondPool: DatabaseHandle;
    /** Instances A and B, with request limits raised (races, not limits, are the point)… */
    let instances: [TestServer, TestServer];
    /** …and the same two pools served with the real request limits. */
    let limited: [TestServer, TestServer];

    beforeAll(async () => {
      database = await openTestDatabase('postgres', {
        pooler: process.env.TEST_POOLER_URL,
        poolSize: 10,
      });
      if (!database.connection) throw new Error('a PostgreSQL test database has a connection');
      secondPool = await openDatabase({ ...database.connection, poolSize: 10 });
      const second = { ...database, db: secondPool.db };
      instances = [await startTestServer(database), await startTestServer(second)];
      limited = [
        await startTestServer(database, { limitScale: 1 }),
        await startTestServer(second, { limitScale: 1 }),
      ];
    });
    afterAll(async () => {
      for (const server of [...(instances ?? []), ...(limited ?? [])]) await server.close();
      await secondPool?.close();
      await database?.close();
    });

    /** The instance the i-th call of a race goes to: A, B, A, B, … */
    const spread = <T>(pair: [T, T], i: number): T => pair[i % 2] as T;

    it(`runs on ${process.env.TEST_POOLER_URL ? 'pgbouncer in transaction mode' : 'PostgreSQL directly'}`, () => {
      expect(database.label).toBe(
        process.env.TEST_POOLER_URL || process.env.TEST_POOLED === '1'
          ? 'PostgreSQL through a pooler'
          : 'PostgreSQL',
      );
    });

    it('lets exactly 3 of 30 kiosk redemptions spread over both instances through for a stock of 3', async () => {
      const [a] = instances;
      const { office, kiosk, residentToken, communityId } = await givenIdentifiedResident(
        a,
        database,
        { points: 1000 },
      );
      const reward = await givenReward(office.api, { points: 10, stock: 3 });
      const outcomes = await settle(
        Array.from({ length: 30 }, (_, i) =>
          apiClient(spread(instances, i).url, {
            token: kiosk.token,
            residentToken,
          }).kiosk.redeem.mutate({
            idempotencyKey: newIdempotencyKey(),
            rewardId: reward.id,
            quantity: 1,
          }),
        ),
      );
      expect(count(outcomes)).toBe(3);
      expect(count(outcomes, 'OUT_OF_STOCK')).toBe(27);
      expect(await stockOf(database.db, communityId, reward.id)).toBe(0);
      const redemptions = await database.db
        .selectFrom('redemptions')
        .select('id')
        .where('community_id', '=', communityId)
        .execute();
      expect(redemptions).toHaveLength(3);
      expect((await verifyLedger(database.db, communityId)).ok).toBe(true);
    });

    it('gives 5 places to exactly 5 of 30 residents signing up at once on both instances', async () => {
      const [a] = instances;
      const { office, organization, residents, kiosk, communityId } = await givenActivityTeam(
        a,
        database,
        { members: 30 },
      );
      const activity = await givenPublishedActivity(office.api, organization.id, { slots: 5 });
      const kioskActor = { kind: 'kiosk' as const, kioskId: kiosk.id, communityId, kioskName: 'K' };
      const tokens = await Promise.all(
        residents.map((resident) =>
          startResidentSession(database.db, { kiosk: kioskActor, residentId: resident.id }),
        ),
      );
      const outcomes = await settle(
        tokens.map((residentToken, i) =>
          apiClient(spread(instances, i).url, {
            token: kiosk.token,
            residentToken,
          }).kiosk.signUp.mutate({ idempotencyKey: key(), activityId: activity.id }),
        ),
      );
      expect(count(outcomes)).toBe(5);
      expect(count(outcomes, 'ACTIVITY_FULL')).toBe(25);
      expect(await office.api.activities.get.query({ id: activity.id })).toMatchObject({
        signedUp: 5,
      });
    });

    it('counts exactly one of 40 votes by one resident, from the kiosk and the phone on both instances', async () => {
      const [a] = instances;
      const { office, residents, kiosk, communityId } = await givenActivityTeam(a, database, {
        members: 1,
      });
      const [resident] = residents;
      if (!resident) throw new Error('a resident');
      const { id: topicId } = await office.api.topics.raise.mutate({
        idempotencyKey: key(),
        title: 'Benches in the courtyard',
        body: 'Two more by the gate',
        place: 'Courtyard',
        kind: 'facilities',
      });
      await office.api.topics.triage.mutate({
        idempotencyKey: key(),
        id: topicId,
        decision: 'accept',
      });
      const { id: pollId } = await office.api.polls.open.mutate({
        idempotencyKey: key(),
        topicId,
        question: { zh: '', en: 'Where?' },
        options: [
          { zh: '', en: 'By the gate' },
          { zh: '', en: 'By the trees' },
        ],
        opensAt: new Date(Date.now() - 3_600_000).toISOString(),
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
        secret: true,
      });
      const options = (await office.api.polls.results.query({ id: pollId })).poll.options;
      const residentToken = await startResidentSession(database.db, {
        kiosk: { kind: 'kiosk', kioskId: kiosk.id, communityId, kioskName: 'K' },
        residentId: resident.id,
      });
      const { token: phoneToken } = await startPhoneSession(database.db, {
        communityId,
        signedInAs: { kind: 'resident', id: resident.id },
        actingFor: resident.id,
        remember: false,
        device: 'test phone',
      });
      const outcomes = await settle(
        Array.from({ length: 40 }, (_, i) => {
          const url = spread(instances, Math.floor(i / 2)).url;
          const input = { idempotencyKey: key(), pollId, optionId: options[i % 2]?.id ?? '' };
          return i % 2 === 0
            ? apiClient(url, { token: kiosk.token, residentToken }).kiosk.vote.mutate(input)
            : apiClient(url, { token: phoneToken }).me.vote.mutate(input);
        }),
      );
      expect(count(outcomes)).toBe(1);
      expect(count(outcomes, 'ALREADY_VOTED')).toBe(39);
      await office.api.polls.close.mutate({ idempotencyKey: key(), id: pollId });
      const results = await office.api.polls.results.query({ id: pollId });
      expect(results.voters).toBe(1);
    });

    it('locks a staff account after five wrong passwords tried on either instance, on both', async () => {
      const [a, b] = instances;
      const { office } = await givenCommunityWithStaff(a, database);
      const { username } = office.user;
      const outcomes = await settle(
        Array.from({ length: 20 }, (_, i) =>
          apiClient(spread(instances, i).url).auth.login.mutate({ username, password: 'wrong' }),
        ),
      );
      expect(count(outcomes, 'INVALID_CREDENTIALS')).toBe(5);
      expect(count(outcomes, 'ACCOUNT_LOCKED')).toBe(15);
      for (const server of [a, b]) {
        const refused = await settle([
          apiClient(server.url).auth.login.mutate({ username, password: TEST_PASSWORD }),
        ]);
        expect(refused).toEqual([{ ok: false, code: 'ACCOUNT_LOCKED' }]);
      }
    });

    it('locks a card after five wrong PINs at the kiosk on either instance, on both', async () => {
      const [a, b] = instances;
      const { kiosk, resident } = await givenIdentifiedResident(a, database, { points: 0 });
      const tryPin = (server: TestServer, pin: string) =>
        apiClient(server.url, { token: kiosk.token }).kiosk.identify.mutate({
          cardNumber: resident.cardNumber,
          pin,
        });
      // One after another, A, B, A, B, A: the tries left count down across both.
      const outcomes: Outcome[] = [];
      for (let i = 0; i < 5; i++)
        outcomes.push(...(await settle([tryPin(spread(instances, i), '0000')])));
      expect(outcomes.map((o) => o.code)).toEqual([
        'WRONG_PIN',
        'WRONG_PIN',
        'WRONG_PIN',
        'WRONG_PIN',
        'PIN_LOCKED',
      ]);
      for (const server of [a, b]) {
        expect(await settle([tryPin(server, TEST_PIN)])).toEqual([
          { ok: false, code: 'PIN_LOCKED' },
        ]);
      }
    });

    it('counts sign-in and PIN tries made on instance A against the limits instance B keeps', async () => {
      const [limitedA, limitedB] = limited;
      const { communityId } = await givenCommunityWithStaff(instances[0], database);
      const kiosk = await givenKiosk(instances[0], database.db, communityId);
      // Only the tries below count: setting up signed staff in.
      await database.db.deleteFrom('request_limits').execute();
      await withinOneLimitWindow(database);
      // 30 sign-ins a minute from one address: all 30 on A, then B refuses the 31st.
      const onA = await settle(
        Array.from({ length: 30 }, (_, i) =>
          apiClient(limitedA.url).auth.login.mutate({ username: `nobody-${i}`, password: 'x' }),
        ),
      );
      expect(count(onA, 'TOO_MANY_REQUESTS')).toBe(0);
      const onB = await settle([
        apiClient(limitedB.url).auth.login.mutate({ username: 'nobody-else', password: 'x' }),
      ]);
      expect(onB).toEqual([{ ok: false, code: 'TOO_MANY_REQUESTS' }]);

      // 30 PINs a minute from one kiosk, whatever the cards: 30 on A, the 31st refused on B.
      const pins = await settle(
        Array.from({ length: 30 }, (_, i) =>
          apiClient(limitedA.url, { token: kiosk.token }).kiosk.identify.mutate({
            cardNumber: `NOCARD${i}`,
            pin: '1234',
          }),
        ),
      );
      expect(count(pins, 'TOO_MANY_REQUESTS')).toBe(0);
      const pinOnB = await settle([
        apiClient(limitedB.url, { token: kiosk.token }).kiosk.identify.mutate({
          cardNumber: 'NOCARD-B',
          pin: '1234',
        }),
      ]);
      expect(pinOnB).toEqual([{ ok: false, code: 'TOO_MANY_REQUESTS' }]);
    });
  },
);

/**
 * Request limits count in one-minute windows aligned to the database's clock: start a burst
 * early enough in a window that it ends in the same one.
 */
async function withinOneLimitWindow(database: TestDatabase): Promise<void> {
  const { rows } = await sql<{ second: number }>`
    select extract(second from now())::float8 as second`.execute(database.db);
  const second = rows[0]?.second ?? 0;
  if (second > 40) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
}
