import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import {
  apiClient,
  expectApiError,
  givenCommunityWithStaff,
  serveDuring,
  TEST_PASSWORD,
} from '../test/api';

describeEachDatabase('auth', (database) => {
  const server = serveDuring(database);

  describe('auth.login', () => {
    it('signs a member of staff in and tells them who they are', async () => {
      const { office } = await givenCommunityWithStaff(server, database());
      const me = await office.api.auth.me.query();
      expect(me).toEqual({
        id: office.user.id,
        username: office.user.username,
        displayName: 'Test office',
        role: 'office',
        communityId: office.user.communityId,
        organizationIds: [],
        mustChangePassword: false,
      });
    });

    it('refuses a wrong password without saying whether the user exists', async () => {
      const { office } = await givenCommunityWithStaff(server, database());
      const anonymous = apiClient(server.url);
      const wrong = await expectApiError(
        anonymous.auth.login.mutate({ username: office.user.username, password: 'nope' }),
        'INVALID_CREDENTIALS',
      );
      const unknown = await expectApiError(
        anonymous.auth.login.mutate({ username: 'nobody-here', password: 'nope' }),
        'INVALID_CREDENTIALS',
      );
      expect(wrong.message).toBe(unknown.message);
    });

    it('locks the account for 15 minutes after five failed log-ins', async () => {
      const { office } = await givenCommunityWithStaff(server, database());
      const anonymous = apiClient(server.url);
      for (let i = 0; i < 5; i++) {
        await expectApiError(
          anonymous.auth.login.mutate({
            username: office.user.username,
            password: 'wrong password',
          }),
          'INVALID_CREDENTIALS',
        );
      }
      const locked = await expectApiError(
        anonymous.auth.login.mutate({ username: office.user.username, password: TEST_PASSWORD }),
        'ACCOUNT_LOCKED',
      );
      expect(locked.data?.code).toBe('TOO_MANY_REQUESTS');
    });

    it('names the field and the rule when the input is not valid', async () => {
      const error = await expectApiError(
        apiClient(server.url).auth.login.mutate({ username: 'x', password: '' }),
        'VALIDATION_FAILED',
      );
      expect(error.data?.code).toBe('BAD_REQUEST');
      expect(error.message).toContain('username');
      expect(error.message).toContain('password');
    });

    it('records log-ins and failed log-ins in the audit log', async () => {
      const { office, communityId } = await givenCommunityWithStaff(server, database());
      await apiClient(server.url)
        .auth.login.mutate({ username: office.user.username, password: 'wrong password' })
        .catch(() => undefined);
      const actions = await database()
        .db.selectFrom('audit_log')
        .select(['action', 'origin'])
        .where('community_id', '=', communityId)
        .where('actor_id', '=', office.user.id)
        .orderBy('id')
        .execute();
      expect(actions.map((a) => a.action)).toEqual(['auth.login', 'auth.login_failed']);
      expect(actions[0]?.origin).toBe('127.0.0.1');
    });
  });

  describe('auth.logout', () => {
    it('ends the session so the token no longer works', async () => {
      const { office } = await givenCommunityWithStaff(server, database());
      await office.api.auth.logout.mutate();
      await expectApiError(office.api.auth.me.query(), 'UNAUTHORIZED');
    });
  });

  describe('auth.me', () => {
    it('refuses a caller without a token', async () => {
      await expectApiError(apiClient(server.url).auth.me.query(), 'UNAUTHORIZED');
    });
  });
});
