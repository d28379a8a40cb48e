import { randomUUID } from 'node:crypto';
import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { auditActions, givenOrganization } from '../residents/test-helpers';
import {
  apiClient,
  expectApiError,
  givenCommunityWithStaff,
  newIdempotencyKey,
  serveDuring,
} from '../test/api';
import { staffRouter } from './staff-router';

describeEachDatabase('the staff API', (database) => {
  const server = serveDuring(database);

  const db = () => database().db;
  const community = () => givenCommunityWithStaff(server, database());
  const newAccount = (role: 'office' | 'leader' | 'auditor' = 'auditor') => ({
    idempotencyKey: newIdempotencyKey(),
    username: `User.${randomUUID().slice(0, 8)}`,
    password: 'a long enough secret',
    displayName: 'Zhou Qing',
    role,
  });

  describe('staff.create', () => {
    it('opens an account that can sign in, and audits it without the password', async () => {
      const { office, communityId } = await community();
      const input = newAccount('auditor');
      const user = await office.api.staff.create.mutate(input);
      expect(user).toEqual({
        id: expect.any(String),
        username: input.username.toLowerCase(),
        displayName: 'Zhou Qing',
        role: 'auditor',
        communityId,
        organizationIds: [],
      });
      const session = await apiClient(server.url).auth.login.mutate({
        username: user.username,
        password: 'a long enough secret',
      });
      expect(session.user.id).toBe(user.id);
      const audit = await auditActions(db(), communityId);
      expect(audit).toEqual([
        expect.objectContaining({ action: 'staff.create', target_id: user.id }),
      ]);
      const idempotency = await db()
        .selectFrom('idempotent_requests')
        .selectAll()
        .where('community_id', '=', communityId)
        .execute();
      expect(JSON.stringify([audit, idempotency])).not.toContain('a long enough secret');
      const stored = await db()
        .selectFrom('staff_users')
        .select('password_hash')
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    });

    it('links a new leader to the organizations they lead', async () => {
      const { office, communityId } = await community();
      const organization = await givenOrganization(db(), communityId);
      const user = await office.api.staff.create.mutate({
        ...newAccount('leader'),
        organizationIds: [organization.id],
      });
      expect(user.organizationIds).toEqual([organization.id]);
    });

    it('refuses organizations for anyone but a leader, and organizations of another community', async () => {
      const { office, communityId } = await community();
      const organization = await givenOrganization(db(), communityId);
      const error = await expectApiError(
        office.api.staff.create.mutate({
          ...newAccount('office'),
          organizationIds: [organization.id],
        }),
        'VALIDATION_FAILED',
      );
      expect(error.message).toContain('organizationIds: Only a leader leads organizations');
      const elsewhere = await community();
      await expectApiError(
        elsewhere.office.api.staff.create.mutate({
          ...newAccount('leader'),
          organizationIds: [organization.id],
        }),
        'NOT_FOUND',
      );
    });

    it('refuses a short password and a taken user name', async () => {
      const { office } = await community();
      const error = await expectApiError(
        office.api.staff.create.mutate({ ...newAccount(), password: 'short' }),
        'VALIDATION_FAILED',
      );
      expect(error.message).toContain('password');
      await expectApiError(
        office.api.staff.create.mutate({ ...newAccount(), username: office.user.username }),
        'DUPLICATE',
      );
    });

    it('answers a replay with the first account, and refuses the key for another', async () => {
      const { office, communityId } = await community();
      const input = newAccount();
      const first = await office.api.staff.create.mutate(input);
      expect(await office.api.staff.create.mutate(input)).toEqual(first);
      expect(await auditActions(db(), communityId)).toHaveLength(1);
      await expectApiError(
        office.api.staff.create.mutate({ ...input, displayName: 'Someone else' }),
        'IDEMPOTENCY_CONFLICT',
      );
    });

    it('lets only the office open accounts', async () => {
      const { auditor, leaderOf, anonymous } = await community();
      const leader = await leaderOf([]);
      await expectApiError(auditor.api.staff.create.mutate(newAccount('office')), 'FORBIDDEN');
      await expectApiError(leader.api.staff.create.mutate(newAccount('office')), 'FORBIDDEN');
      await expectApiError(anonymous.staff.create.mutate(newAccount('office')), 'UNAUTHORIZED');
    });
  });

  describe('every staff procedure', () => {
    it('answers FORBIDDEN to a leader and to an auditor, and changes nothing', async () => {
      const { office, auditor, leaderOf } = await community();
      const leader = await leaderOf([]);
      const [officeSession] = await office.api.auth.sessions.query();
      const target = { staffId: office.user.id };
      for (const caller of [leader, auditor]) {
        const calls: Record<string, () => Promise<unknown>> = {
          create: () => caller.api.staff.create.mutate(newAccount('office')),
          list: () => caller.api.staff.list.query(),
          update: () =>
            caller.api.staff.update.mutate({
              idempotencyKey: newIdempotencyKey(),
              ...target,
              active: false,
            }),
          resetPassword: () =>
            caller.api.staff.resetPassword.mutate({
              idempotencyKey: newIdempotencyKey(),
              ...target,
            }),
          confirm: () =>
            caller.api.staff.confirm.mutate({ idempotencyKey: newIdempotencyKey(), ...target }),
          sessions: () => caller.api.staff.sessions.query(target),
          revokeSession: () =>
            caller.api.staff.revokeSession.mutate({
              ...target,
              sessionId: officeSession?.id ?? '',
            }),
        };
        // Every procedure of the router, so a new one cannot be left out of this test.
        expect(Object.keys(calls).sort()).toEqual(Object.keys(staffRouter._def.procedures).sort());
        for (const call of Object.values(calls)) await expectApiError(call(), 'FORBIDDEN');
      }
      expect(await office.api.auth.me.query()).toMatchObject({ id: office.user.id });
    });
  });

  describe('staff.list', () => {
    it("shows the office its community's staff, with what leaders lead and never a password hash", async () => {
      const { office, auditor, communityId, leaderOf } = await community();
      const organization = await givenOrganization(db(), communityId);
      const leader = await leaderOf([organization.id]);
      await community();
      const list = await office.api.staff.list.query();
      expect(list.map((u) => u.id).sort()).toEqual(
        [office.user.id, auditor.user.id, leader.user.id].sort(),
      );
      expect(list.find((u) => u.id === leader.user.id)).toMatchObject({
        role: 'leader',
        organizationIds: [organization.id],
        active: true,
      });
      expect(JSON.stringify(list)).not.toMatch(/argon2|password_?hash/i);
    });

    it('is for the office only', async () => {
      const { auditor, leaderOf } = await community();
      const leader = await leaderOf([]);
      await expectApiError(auditor.api.staff.list.query(), 'FORBIDDEN');
      await expectApiError(leader.api.staff.list.query(), 'FORBIDDEN');
    });
  });
});
