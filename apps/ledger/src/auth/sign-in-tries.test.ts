import { describeEachDatabase } from '@tally/db/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { outcome, signInFrom } from '../staff/test-helpers';
import {
  apiClient,
  expectApiError,
  givenCommunityWithStaff,
  serveDuring,
  TEST_PASSWORD,
} from '../test/api';

describeEachDatabase('sign-in tries', (database) => {
  const server = serveDuring(database);
  const db = () => database().db;

  async function givenOffice() {
    const { office } = await givenCommunityWithStaff(server, database());
    const attempt = (address: string, password: string) =>
      signInFrom(server, address, { username: office.user.username, password });
    return { office, attempt };
  }

  async function auditCount(staffId: string, action: string): Promise<number> {
    const row = await db()
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('actor_id', '=', staffId)
      .where('action', '=', action)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it('checks at most five passwords when forty wrong ones race, then refuses the right one', async () => {
    const { office } = await givenOffice();
    const anonymous = apiClient(server.url);
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        anonymous.auth.login
          .mutate({ username: office.user.username, password: 'a wrong guess' })
          .then(
            () => 'signed in',
            (error: { data?: { domainCode?: string } }) => error.data?.domainCode,
          ),
      ),
    );
    expect(answers.filter((a) => a === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(answers.filter((a) => a === 'ACCOUNT_LOCKED')).toHaveLength(35);

    const locked = await expectApiError(
      anonymous.auth.login.mutate({ username: office.user.username, password: TEST_PASSWORD }),
      'ACCOUNT_LOCKED',
    );
    const lockedUntil = Date.parse(String(locked.data?.details?.lockedUntil));
    expect(lockedUntil - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(lockedUntil - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    // Every password checked leaves an `auth.login_failed` entry; a refused try leaves
    // `auth.login_refused_locked` and is never checked.
    expect(await auditCount(office.user.id, 'auth.login_failed')).toBe(5);
    expect(await auditCount(office.user.id, 'auth.login_refused_locked')).toBe(36);
  });

  it('does not lock the real person out from another address after five wrong passwords', async () => {
    const { attempt } = await givenOffice();
    for (let i = 0; i < 5; i++) {
      expect(outcome(await attempt('10.0.0.66', 'a wrong guess'))).toBe('INVALID_CREDENTIALS');
    }
    expect(outcome(await attempt('10.0.0.66', TEST_PASSWORD))).toBe('ACCOUNT_LOCKED');
    expect(outcome(await attempt('10.0.0.7', TEST_PASSWORD))).toBe('signed in');
  });

  it('locks the account everywhere once 25 tries came from all addresses together', async () => {
    const { attempt } = await givenOffice();
    for (const address of ['10.0.1.1', '10.0.1.2', '10.0.1.3', '10.0.1.4', '10.0.1.5']) {
      for (let i = 0; i < 5; i++) {
        expect(outcome(await attempt(address, 'a wrong guess'))).toBe('INVALID_CREDENTIALS');
      }
    }
    const answer = await attempt('10.0.1.6', TEST_PASSWORD);
    expect(answer).toMatchObject({
      domainCode: 'ACCOUNT_LOCKED',
      details: { lockedUntil: expect.any(String) },
    });
  });

  it('lets the right password through before the backstop, and starts its count again', async () => {
    const { attempt } = await givenOffice();
    for (const address of ['10.0.2.1', '10.0.2.2', '10.0.2.3', '10.0.2.4']) {
      for (let i = 0; i < 5; i++) await attempt(address, 'a wrong guess');
    }
    for (let i = 0; i < 4; i++) await attempt('10.0.2.5', 'a wrong guess');
    expect(outcome(await attempt('10.0.2.5', TEST_PASSWORD))).toBe('signed in');
    for (let i = 0; i < 4; i++) {
      expect(outcome(await attempt('10.0.2.6', 'a wrong guess'))).toBe('INVALID_CREDENTIALS');
    }
    expect(outcome(await attempt('10.0.2.6', TEST_PASSWORD))).toBe('signed in');
  });

  it('lets the person in again from that address when the lock has run out', async () => {
    const { office, attempt } = await givenOffice();
    for (let i = 0; i < 5; i++) await attempt('10.0.3.1', 'a wrong guess');
    expect(outcome(await attempt('10.0.3.1', TEST_PASSWORD))).toBe('ACCOUNT_LOCKED');
    await db()
      .updateTable('staff_login_tries')
      .set({ locked_until: sql<Date>`now() - interval '1 second'` })
      .where('staff_id', '=', office.user.id)
      .execute();
    expect(outcome(await attempt('10.0.3.1', TEST_PASSWORD))).toBe('signed in');
  });

  it('answers an unknown name like a wrong password, from any address', async () => {
    const { attempt } = await givenOffice();
    const unknown = await signInFrom(server, '10.0.4.1', {
      username: 'nobody-at-all',
      password: TEST_PASSWORD,
    });
    expect(outcome(unknown)).toBe('INVALID_CREDENTIALS');
    expect(outcome(await attempt('10.0.4.1', 'a wrong guess'))).toBe('INVALID_CREDENTIALS');
  });

  describe('auth.changePassword', () => {
    it('counts a wrong current password like a failed sign-in', async () => {
      const { office } = await givenOffice();
      for (let i = 0; i < 5; i++) {
        await expectApiError(
          office.api.auth.changePassword.mutate({
            currentPassword: 'a wrong guess',
            newPassword: 'plum blossom at the east gate',
          }),
          'WRONG_CURRENT_PASSWORD',
        );
      }
      await expectApiError(
        office.api.auth.changePassword.mutate({
          currentPassword: TEST_PASSWORD,
          newPassword: 'plum blossom at the east gate',
        }),
        'ACCOUNT_LOCKED',
      );
    });
  });
});
