import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { signedIn } from '../staff/test-helpers';
import {
  apiClient,
  expectApiError,
  givenCommunityWithStaff,
  newIdempotencyKey,
  serveDuring,
  TEST_PASSWORD,
} from '../test/api';

const NEW_PASSWORD = 'plum blossom at the east gate';

describeEachDatabase('auth.changePassword', (database) => {
  const server = serveDuring(database);
  const community = () => givenCommunityWithStaff(server, database());

  it('refuses a weak password and says why', async () => {
    const { auditor } = await community();
    const change = (newPassword: string) =>
      auditor.api.auth.changePassword.mutate({ currentPassword: TEST_PASSWORD, newPassword });
    const cases: [string, string, string][] = [
      ['short one', 'too_short', 'at least 10 characters'],
      [`${auditor.user.username}!!`, 'contains_name', 'user name or your name'],
      ['Test auditor 2026', 'contains_name', 'user name or your name'],
      ['password123', 'common', 'most common passwords'],
      ['xxxxxxxxxxxxxxx', 'repeated', 'one character repeated'],
    ];
    for (const [password, reason, words] of cases) {
      const error = await expectApiError(change(password), 'WEAK_PASSWORD');
      expect(error.data?.details).toEqual({ reason });
      expect(error.message).toContain(words);
    }
    // Nothing changed: the old password still signs in.
    await signedIn(server, auditor.user.username, TEST_PASSWORD);
  });

  it('refuses the current password and any of the last five', async () => {
    const { auditor } = await community();
    await expectApiError(
      auditor.api.auth.changePassword.mutate({
        currentPassword: TEST_PASSWORD,
        newPassword: TEST_PASSWORD,
      }),
      'PASSWORD_REUSED',
    );
    const passwords = [TEST_PASSWORD, ...[1, 2, 3, 4, 5, 6].map((n) => `${NEW_PASSWORD} ${n}`)];
    for (let i = 1; i < passwords.length; i++) {
      await auditor.api.auth.changePassword.mutate({
        currentPassword: passwords[i - 1] ?? '',
        newPassword: passwords[i] ?? '',
      });
    }
    // Now on "… 6"; "… 1" to "… 5" are the last five before it, TEST_PASSWORD is older.
    for (const old of passwords.slice(1, 6)) {
      await expectApiError(
        auditor.api.auth.changePassword.mutate({
          currentPassword: passwords[6] ?? '',
          newPassword: old,
        }),
        'PASSWORD_REUSED',
      );
    }
    await auditor.api.auth.changePassword.mutate({
      currentPassword: passwords[6] ?? '',
      newPassword: TEST_PASSWORD,
    });
  });

  it('refuses a wrong current password and changes nothing', async () => {
    const { auditor } = await community();
    await expectApiError(
      auditor.api.auth.changePassword.mutate({
        currentPassword: 'not my password',
        newPassword: NEW_PASSWORD,
      }),
      'WRONG_CURRENT_PASSWORD',
    );
    await expectApiError(
      apiClient(server.url).auth.login.mutate({
        username: auditor.user.username,
        password: NEW_PASSWORD,
      }),
      'INVALID_CREDENTIALS',
    );
  });

  it('changes the password, keeps this session and ends the others, and audits it without secrets', async () => {
    const { auditor, communityId } = await community();
    const elsewhere = await signedIn(server, auditor.user.username);
    await auditor.api.auth.changePassword.mutate({
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect((await auditor.api.auth.me.query()).id).toBe(auditor.user.id);
    await expectApiError(elsewhere.auth.me.query(), 'UNAUTHORIZED');
    await signedIn(server, auditor.user.username, NEW_PASSWORD);
    await expectApiError(
      apiClient(server.url).auth.login.mutate({
        username: auditor.user.username,
        password: TEST_PASSWORD,
      }),
      'INVALID_CREDENTIALS',
    );
    const audit = await database()
      .db.selectFrom('audit_log')
      .select(['action', 'origin', 'details'])
      .where('community_id', '=', communityId)
      .where('action', '=', 'auth.change_password')
      .execute();
    expect(audit).toEqual([
      { action: 'auth.change_password', origin: '127.0.0.1', details: { endedSessions: 1 } },
    ]);
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
  });

  describe('after the office resets a password', () => {
    async function resetLeader() {
      const { office, leaderOf } = await community();
      const leader = await leaderOf([]);
      const { temporaryPassword } = await office.api.staff.resetPassword.mutate({
        idempotencyKey: newIdempotencyKey(),
        staffId: leader.user.id,
      });
      return { leader, temporaryPassword };
    }

    it('signs in with the temporary password but must change it before anything else', async () => {
      const { leader, temporaryPassword } = await resetLeader();
      const session = await apiClient(server.url).auth.login.mutate({
        username: leader.user.username,
        password: temporaryPassword,
      });
      expect(session.mustChangePassword).toBe(true);
      const api = apiClient(server.url, { token: session.token });
      expect((await api.auth.me.query()).mustChangePassword).toBe(true);
      await expectApiError(api.organizations.list.query(), 'PASSWORD_CHANGE_REQUIRED');
      await expectApiError(api.auth.sessions.query(), 'PASSWORD_CHANGE_REQUIRED');
      const csv = await fetch(`${server.url}/exports/service-records.csv`, {
        headers: { authorization: `Bearer ${session.token}` },
      });
      expect(await csv.json()).toMatchObject({ domainCode: 'PASSWORD_CHANGE_REQUIRED' });

      await api.auth.changePassword.mutate({
        currentPassword: temporaryPassword,
        newPassword: NEW_PASSWORD,
      });
      expect((await api.auth.me.query()).mustChangePassword).toBe(false);
      await api.organizations.list.query();
      const again = await apiClient(server.url).auth.login.mutate({
        username: leader.user.username,
        password: NEW_PASSWORD,
      });
      expect(again.mustChangePassword).toBe(false);
    });

    it('may sign out before changing it', async () => {
      const { leader, temporaryPassword } = await resetLeader();
      const api = await signedIn(server, leader.user.username, temporaryPassword);
      await api.auth.logout.mutate();
      await expectApiError(api.auth.me.query(), 'UNAUTHORIZED');
    });

    it('refuses the temporary password as the new one', async () => {
      const { leader, temporaryPassword } = await resetLeader();
      const api = await signedIn(server, leader.user.username, temporaryPassword);
      await expectApiError(
        api.auth.changePassword.mutate({
          currentPassword: temporaryPassword,
          newPassword: temporaryPassword,
        }),
        'PASSWORD_REUSED',
      );
    });
  });
});
