import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import {
  apiClient,
  expectApiError,
  givenCommunityWithStaff,
  newIdempotencyKey,
  serveDuring,
  TEST_PASSWORD,
} from '../test/api';
import { outcome, signedIn, signInFrom } from './test-helpers';

describeEachDatabase('staff.resetPassword', (database) => {
  const server = serveDuring(database);
  const db = () => database().db;
  const community = () => givenCommunityWithStaff(server, database());

  it('gives a random temporary password once, ends every session and replaces the old password', async () => {
    const { office, leaderOf } = await community();
    const leader = await leaderOf([]);
    const { temporaryPassword } = await office.api.staff.resetPassword.mutate({
      idempotencyKey: newIdempotencyKey(),
      staffId: leader.user.id,
    });
    expect(temporaryPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await expectApiError(leader.api.auth.me.query(), 'UNAUTHORIZED');
    await expectApiError(
      signedIn(server, leader.user.username, TEST_PASSWORD),
      'INVALID_CREDENTIALS',
    );
    const session = await apiClient(server.url).auth.login.mutate({
      username: leader.user.username,
      password: temporaryPassword,
    });
    expect(session.mustChangePassword).toBe(true);
    const [member] = (await office.api.staff.list.query()).filter((m) => m.id === leader.user.id);
    expect(member?.mustChangePassword).toBe(true);
  });

  it('never stores or logs the temporary password, and a replay of the key does not show it again', async () => {
    const { office, leaderOf, communityId } = await community();
    const leader = await leaderOf([]);
    const input = { idempotencyKey: newIdempotencyKey(), staffId: leader.user.id };
    const { temporaryPassword } = await office.api.staff.resetPassword.mutate(input);
    const replay = await expectApiError(
      office.api.staff.resetPassword.mutate(input),
      'RESET_ALREADY_SHOWN',
    );
    expect(JSON.stringify(replay)).not.toContain(temporaryPassword);
    // The replay reset nothing: the password shown once still works.
    await signedIn(server, leader.user.username, temporaryPassword);

    const stored = await Promise.all([
      db()
        .selectFrom('idempotent_requests')
        .selectAll()
        .where('community_id', '=', communityId)
        .execute(),
      db().selectFrom('audit_log').selectAll().where('community_id', '=', communityId).execute(),
      db().selectFrom('staff_users').selectAll().where('community_id', '=', communityId).execute(),
      db()
        .selectFrom('staff_password_history')
        .selectAll()
        .where('community_id', '=', communityId)
        .execute(),
    ]);
    expect(JSON.stringify(stored)).not.toContain(temporaryPassword);
    const audit = stored[1].filter((entry) => entry.action === 'staff.reset_password');
    expect(audit).toEqual([
      expect.objectContaining({
        actor_id: office.user.id,
        target_id: leader.user.id,
        origin: '127.0.0.1',
        details: { endedSessions: 1 },
      }),
    ]);
  });

  it('lifts the sign-in locks of the account, from every address', async () => {
    const { office, leaderOf } = await community();
    const leader = await leaderOf([]);
    const from = (address: string, password: string) =>
      signInFrom(server, address, { username: leader.user.username, password });
    for (let i = 0; i < 6; i++) await from('10.9.0.1', 'a wrong guess');
    expect(outcome(await from('10.9.0.1', TEST_PASSWORD))).toBe('ACCOUNT_LOCKED');
    const { temporaryPassword } = await office.api.staff.resetPassword.mutate({
      idempotencyKey: newIdempotencyKey(),
      staffId: leader.user.id,
    });
    expect(outcome(await from('10.9.0.1', temporaryPassword))).toBe('signed in');
  });

  describe('refusals', () => {
    it('points an office member to "change my password" for their own account', async () => {
      const { office } = await community();
      const error = await expectApiError(
        office.api.staff.resetPassword.mutate({
          idempotencyKey: newIdempotencyKey(),
          staffId: office.user.id,
        }),
        'OWN_ACCOUNT',
      );
      expect(error.message).toContain('Change my password');
    });

    it('refuses an account of another community as not found', async () => {
      const { office } = await community();
      const elsewhere = await community();
      await expectApiError(
        office.api.staff.resetPassword.mutate({
          idempotencyKey: newIdempotencyKey(),
          staffId: elsewhere.office.user.id,
        }),
        'NOT_FOUND',
      );
      await signedIn(server, elsewhere.office.user.username);
    });
  });
});
