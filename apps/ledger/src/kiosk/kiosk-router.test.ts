import { randomUUID } from 'node:crypto';
import { describeEachDatabase } from '@tally/db/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createOrganization } from '../organizations/create-organization';
import { expectApiError, newIdempotencyKey, serveDuring } from '../test/api';
import { communityFigures } from './community-figures';
import {
  givenGoal,
  givenIdentifiedResident,
  givenKiosk,
  givenResident,
  givenReward,
  identify,
} from './test-helpers';

describeEachDatabase('kiosk', (database) => {
  const server = serveDuring(database);

  const given = (points = 100) => givenIdentifiedResident(server, database(), { points });

  describe('kiosk.me', () => {
    it('tells the resident their fresh balances', async () => {
      const { residentApi, office, resident } = await given(100);
      const reward = await givenReward(office.api, { points: 30 });
      await residentApi.kiosk.redeem.mutate({
        idempotencyKey: newIdempotencyKey(),
        rewardId: reward.id,
        quantity: 1,
      });
      expect(await residentApi.kiosk.me.query()).toEqual({
        id: resident.id,
        displayName: resident.displayName,
        points: 70,
        minutes: 0,
      });
    });

    it('refuses staff, a kiosk without a resident, and an idle session', async () => {
      const { office, kiosk, residentToken } = await given();
      await expectApiError(office.api.kiosk.me.query(), 'UNAUTHORIZED');
      await expectApiError(kiosk.api.kiosk.me.query(), 'SESSION_EXPIRED');
      await expectApiError(
        kiosk.asResident('trs_not-a-session').kiosk.me.query(),
        'SESSION_EXPIRED',
      );
      await database()
        .db.updateTable('kiosk_sessions')
        .set({ last_seen_at: sql<Date>`now() - interval '121 seconds'` })
        .where('kiosk_id', '=', kiosk.id)
        .execute();
      await expectApiError(kiosk.asResident(residentToken).kiosk.me.query(), 'SESSION_EXPIRED');
    });
  });

  describe("the resident's kiosk session", () => {
    it('is kept alive by what the resident does, noted at most every few seconds', async () => {
      const { residentApi, kiosk } = await given();
      const lastSeen = async () =>
        (
          await database()
            .db.selectFrom('kiosk_sessions')
            .select(sql<string>`last_seen_at::text`.as('at'))
            .where('kiosk_id', '=', kiosk.id)
            .executeTakeFirstOrThrow()
        ).at;
      const setLastSeen = (secondsAgo: number) =>
        database()
          .db.updateTable('kiosk_sessions')
          .set({ last_seen_at: sql<Date>`now() - make_interval(secs => ${secondsAgo})` })
          .where('kiosk_id', '=', kiosk.id)
          .execute();
      // Used a moment ago: a request reads the session and writes nothing.
      await setLastSeen(1);
      const fresh = await lastSeen();
      await residentApi.kiosk.me.query();
      expect(await lastSeen()).toBe(fresh);
      // A minute ago: the request notes it, and the session lives another two minutes.
      await setLastSeen(60);
      const stale = await lastSeen();
      await residentApi.kiosk.me.query();
      expect(await lastSeen()).not.toBe(stale);
      await setLastSeen(119);
      await residentApi.kiosk.me.query();
      await setLastSeen(100);
      expect((await residentApi.kiosk.me.query()).displayName).toBeTruthy();
    });
  });

  describe('kiosk.signOut', () => {
    it('ends the session so the resident token no longer works', async () => {
      const { residentApi, communityId, resident } = await given();
      expect(await residentApi.kiosk.signOut.mutate()).toEqual({ ok: true });
      await expectApiError(residentApi.kiosk.me.query(), 'SESSION_EXPIRED');
      await expectApiError(residentApi.kiosk.signOut.mutate(), 'SESSION_EXPIRED');
      const audit = await database()
        .db.selectFrom('audit_log')
        .select(['actor_type', 'target_id'])
        .where('community_id', '=', communityId)
        .where('action', '=', 'kiosk.sign_out')
        .execute();
      expect(audit).toEqual([{ actor_type: 'kiosk', target_id: resident.id }]);
    });
  });

  describe('kiosk.catalog', () => {
    it('keeps a reward that sold out in the catalog, and still refuses to redeem it', async () => {
      const { office, residentApi } = await given(50);
      const lamp = await givenReward(office.api, { name: 'Lamp', points: 10, stock: 1 });
      await residentApi.kiosk.redeem.mutate({
        idempotencyKey: newIdempotencyKey(),
        rewardId: lamp.id,
        quantity: 1,
      });
      expect(await residentApi.kiosk.catalog.query()).toEqual([
        expect.objectContaining({ id: lamp.id, stock: 0 }),
      ]);
      await expectApiError(
        residentApi.kiosk.redeem.mutate({
          idempotencyKey: newIdempotencyKey(),
          rewardId: lamp.id,
          quantity: 1,
        }),
        'OUT_OF_STOCK',
      );
    });

    it('offers active rewards, sold-out ones last, with what the resident can afford and may still take', async () => {
      const { office, residentApi } = await given(50);
      const cheap = await givenReward(office.api, {
        name: 'Pen',
        points: 20,
        stock: 5,
        perResidentLimit: 2,
      });
      await givenReward(office.api, { name: 'Lamp', points: 80, stock: 1 });
      await givenReward(office.api, { name: 'Gone', points: 5, stock: 0 });
      await givenReward(office.api, { name: 'Hidden', points: 5, stock: 3, active: false });
      await residentApi.kiosk.redeem.mutate({
        idempotencyKey: newIdempotencyKey(),
        rewardId: cheap.id,
        quantity: 1,
      });

      const catalog = await residentApi.kiosk.catalog.query();
      expect(
        catalog.map((item) => [item.name.en, item.affordable, item.pointsShort, item.limitLeft]),
      ).toEqual([
        ['Pen', true, 0, 1],
        ['Lamp', false, 50, null],
        ['Gone', true, 0, null],
      ]);
      expect(catalog[0]).toMatchObject({ stock: 4, kind: 'goods', perResidentLimit: 2 });
      expect(catalog[2]).toMatchObject({ stock: 0 });
    });

    it("never offers another community's rewards, and needs an identified resident", async () => {
      const { residentApi, kiosk } = await given();
      const other = await given();
      await givenReward(other.office.api);
      expect(await residentApi.kiosk.catalog.query()).toEqual([]);
      await expectApiError(kiosk.api.kiosk.catalog.query(), 'SESSION_EXPIRED');
      await expectApiError(other.office.api.kiosk.catalog.query(), 'UNAUTHORIZED');
    });
  });

  describe('kiosk.goals', () => {
    it('shows open goals with raised and target points, without a resident', async () => {
      const { office, kiosk, residentApi } = await given(100);
      const goal = await givenGoal(office.api, 300);
      const closed = await givenGoal(office.api, 10);
      await office.api.goals.close.mutate({ idempotencyKey: newIdempotencyKey(), id: closed.id });
      await residentApi.kiosk.donate.mutate({
        idempotencyKey: newIdempotencyKey(),
        goalId: goal.id,
        points: 12,
      });
      expect(await kiosk.api.kiosk.goals.query()).toEqual([
        {
          id: goal.id,
          title: goal.title,
          description: { zh: '', en: '' },
          targetPoints: 300,
          raisedPoints: 12,
        },
      ]);
    });

    it('refuses staff tokens and callers without a kiosk token', async () => {
      const { office, anonymous } = await given();
      await expectApiError(office.api.kiosk.goals.query(), 'UNAUTHORIZED');
      await expectApiError(anonymous.kiosk.goals.query(), 'UNAUTHORIZED');
    });
  });

  describe('kiosk.history', () => {
    it("lists the resident's own entries newest first, in plain words", async () => {
      const { office, residentApi, kiosk, communityId } = await given(100);
      const reward = await givenReward(office.api, {
        name: { zh: '雨伞', en: 'Umbrella' },
        points: 30,
      });
      const goal = await givenGoal(office.api);
      await residentApi.kiosk.redeem.mutate({
        idempotencyKey: newIdempotencyKey(),
        rewardId: reward.id,
        quantity: 2,
      });
      await residentApi.kiosk.donate.mutate({
        idempotencyKey: newIdempotencyKey(),
        goalId: goal.id,
        points: 15,
      });
      // A neighbour's activity never shows.
      const neighbour = await givenResident(database().db, communityId, { points: 100 });
      await (await identify(kiosk, neighbour)).api.kiosk.donate.mutate({
        idempotencyKey: newIdempotencyKey(),
        goalId: goal.id,
        points: 1,
      });

      const history = await residentApi.kiosk.history.query({});
      expect(
        history.items.map(({ kind, points, minutes, description }) => ({
          kind,
          points,
          minutes,
          description,
        })),
      ).toEqual([
        {
          kind: 'donation',
          points: -15,
          minutes: 0,
          description: { code: 'donation', params: { goal: goal.title } },
        },
        {
          kind: 'redemption',
          points: -60,
          minutes: 0,
          description: {
            code: 'redemption',
            params: { reward: { zh: '雨伞', en: 'Umbrella' }, quantity: 2 },
          },
        },
        // A memo with no name behind it reads the same in both.
        {
          kind: 'adjustment',
          points: 100,
          minutes: 0,
          description: { code: 'memo', params: { memo: 'Opening balance' } },
        },
      ]);
      expect(history.nextCursor).toBeNull();
    });

    it('pages with a cursor', async () => {
      const { office, residentApi } = await given(100);
      const goal = await givenGoal(office.api);
      await residentApi.kiosk.donate.mutate({
        idempotencyKey: newIdempotencyKey(),
        goalId: goal.id,
        points: 1,
      });
      const first = await residentApi.kiosk.history.query({ limit: 1 });
      expect(first.items.map((i) => i.kind)).toEqual(['donation']);
      const second = await residentApi.kiosk.history.query({
        limit: 1,
        cursor: first.nextCursor ?? undefined,
      });
      expect(second.items.map((i) => i.kind)).toEqual(['adjustment']);
      expect(second.nextCursor).toBeNull();
      await expectApiError(residentApi.kiosk.history.query({ limit: 0 }), 'VALIDATION_FAILED');
    });

    it('needs an identified resident', async () => {
      const { kiosk, office } = await given();
      await expectApiError(kiosk.api.kiosk.history.query({}), 'SESSION_EXPIRED');
      await expectApiError(office.api.kiosk.history.query({}), 'UNAUTHORIZED');
    });
  });

  describe('kiosk.community', () => {
    async function givenService(
      communityId: string,
      loggedBy: string,
      residentId: string,
      {
        minutes,
        status = 'approved',
        daysAgo = 0,
        startedAt,
      }: {
        minutes: number;
        status?: 'approved' | 'pending';
        daysAgo?: number;
        startedAt?: string;
      },
    ) {
      const { db } = database();
      const organization =
        (await db
          .selectFrom('organizations')
          .select('id')
          .where('community_id', '=', communityId)
          .executeTakeFirst()) ??
        (await createOrganization(db, { communityId, name: { zh: '志愿者', en: 'Volunteers' } }));
      await db
        .insertInto('service_records')
        .values({
          community_id: communityId,
          id: randomUUID(),
          organization_id: organization.id,
          resident_id: residentId,
          activity_title: 'Litter pick',
          category: 'environment',
          place: 'Park',
          started_at: startedAt ?? sql<Date>`now() - make_interval(days => ${daysAgo})`,
          minutes,
          status,
          logged_by: loggedBy,
        })
        .execute();
    }

    it("shows this month's approved hours, participants, goals and thanks to those who agreed", async () => {
      const { office, kiosk, communityId, resident } = await given(0);
      const { db } = database();
      const shown = await givenResident(db, communityId, {
        showName: true,
        displayName: 'Auntie Li',
      });
      const shy = await givenResident(db, communityId, { showName: false, displayName: 'Mr Shy' });
      await givenService(communityId, office.user.id, shown.id, { minutes: 90 });
      await givenService(communityId, office.user.id, shy.id, { minutes: 60 });
      await givenService(communityId, office.user.id, shown.id, { minutes: 30 });
      await givenService(communityId, office.user.id, resident.id, {
        minutes: 45,
        status: 'pending',
      });
      await givenService(communityId, office.user.id, resident.id, { minutes: 600, daysAgo: 40 });
      const goal = await givenGoal(office.api, 1000);
      const other = await given(0);
      await givenService(other.communityId, other.office.user.id, other.resident.id, {
        minutes: 500,
      });

      const figures = await kiosk.api.kiosk.community.query();
      expect(figures).toMatchObject({
        approvedMinutes: 180,
        approvedHours: 3,
        participants: 2,
        goals: [{ id: goal.id, raisedPoints: 0, targetPoints: 1000 }],
        thanks: ['Auntie Li'],
      });
      expect(figures.month).toMatch(/^\d{4}-\d{2}$/);
      expect(JSON.stringify(figures)).not.toContain('Mr Shy');
    });

    describe('the period shown', () => {
      async function givenNovember() {
        const { office, communityId, resident } = await given(0);
        const service = (startedAt: string, minutes: number) =>
          givenService(communityId, office.user.id, resident.id, { minutes, startedAt });
        await service('2026-10-20T09:00:00+08:00', 120);
        await service('2026-11-02T09:00:00+08:00', 60);
        // The day before the 30 days begin, seen from 3 November.
        await service('2026-10-04T09:00:00+08:00', 600);
        const figuresAt = (now: string) =>
          communityFigures(database().db, { communityId }, { now: new Date(now) });
        return { figuresAt, service };
      }

      it('is the last 30 days early in a month, not the few days of it so far', async () => {
        const { figuresAt } = await givenNovember();
        const figures = await figuresAt('2026-11-03T12:00:00+08:00');
        expect(figures.period).toEqual({
          kind: 'recentDays',
          days: 30,
          from: '2026-10-05',
          to: '2026-11-03',
        });
        expect(figures).toMatchObject({ month: '2026-11', approvedMinutes: 180, participants: 1 });
      });

      it('is the month so far from the 8th on', async () => {
        const { figuresAt } = await givenNovember();
        const figures = await figuresAt('2026-11-20T12:00:00+08:00');
        expect(figures.period).toEqual({
          kind: 'month',
          days: 20,
          from: '2026-11-01',
          to: '2026-11-20',
        });
        expect(figures.approvedMinutes).toBe(60);
      });

      it('is the last 30 days while the month has no approved service yet', async () => {
        const { figuresAt } = await givenNovember();
        const figures = await figuresAt('2026-12-10T12:00:00+08:00');
        expect(figures.period).toMatchObject({ kind: 'recentDays', from: '2026-11-11' });
        expect(figures.approvedMinutes).toBe(0);
        const november = await figuresAt('2026-11-25T12:00:00+08:00');
        expect(november.period).toMatchObject({ kind: 'month', from: '2026-11-01' });
      });
    });

    it('refuses staff tokens and callers without a kiosk token', async () => {
      const { office, anonymous } = await given();
      await expectApiError(office.api.kiosk.community.query(), 'UNAUTHORIZED');
      await expectApiError(anonymous.kiosk.community.query(), 'UNAUTHORIZED');
    });
  });

  it('a kiosk of one community cannot use a session opened at another', async () => {
    const { residentToken } = await given();
    const other = await given();
    const foreignKiosk = await givenKiosk(server, database().db, other.communityId);
    await expectApiError(
      foreignKiosk.asResident(residentToken).kiosk.me.query(),
      'SESSION_EXPIRED',
    );
  });
});
