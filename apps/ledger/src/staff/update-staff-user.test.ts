import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { givenOrganization } from '../residents/test-helpers';
import {
  expectApiError,
  givenCommunityWithStaff,
  newIdempotencyKey,
  serveDuring,
} from '../test/api';
import { signedIn } from './test-helpers';

describeEachDatabase('staff.update', (database) => {
  const server = serveDuring(database);
  const db = () => database().db;
  const community = () => givenCommunityWithStaff(server, database());

  it('renames a leader and changes the organizations they lead, effective on their next request', async () => {
    const { office, communityId, leaderOf } = await community();
    const [first, second] = [
      await givenOrganization(db(), communityId),
      await givenOrganization(db(), communityId),
    ];
    if (!first || !second) throw new Error('no organizations');
    const leader = await leaderOf([first.id]);
    const member = await office.api.staff.update.mutate({
      idempotencyKey: newIdempotencyKey(),
      staffId: leader.user.id,
      displayName: 'Wang Fang',
      organizationIds: [second.id],
    });
    expect(member).toMatchObject({
      id: leader.user.id,
      displayName: 'Wang Fang',
      role: 'leader',
      organizationIds: [second.id],
      active: true,
    });
    expect(await leader.api.auth.me.query()).toMatchObject({
      displayName: 'Wang Fang',
      organizationIds: [second.id],
    });
  });

  it('takes the organizations away from a leader who becomes an auditor, and refuses them to a non-leader', async () => {
    const { office, communityId, leaderOf, auditor } = await community();
    const organization = await givenOrganization(db(), communityId);
    const leader = await leaderOf([organization.id]);
    const member = await office.api.staff.update.mutate({
      idempotencyKey: newIdempotencyKey(),
      staffId: leader.user.id,
      role: 'auditor',
    });
    expect(member).toMatchObject({ role: 'auditor', organizationIds: [] });
    const error = await expectApiError(
      office.api.staff.update.mutate({
        idempotencyKey: newIdempotencyKey(),
        staffId: auditor.user.id,
        organizationIds: [organization.id],
      }),
      'VALIDATION_FAILED',
    );
    expect(error.message).toContain('Only a leader leads organizations');
  });

  it('deactivates an account: every session of it stops working at once, and it cannot sign in', async () => {
    const { office, leaderOf } = await community();
    const leader = await leaderOf([]);
    const secondSession = await signedIn(server, leader.user.username);
    const member = await office.api.staff.update.mutate({
      idempotencyKey: newIdempotencyKey(),
      staffId: leader.user.id,
      active: false,
    });
    expect(member.active).toBe(false);
    await expectApiError(leader.api.auth.me.query(), 'UNAUTHORIZED');
    await expectApiError(secondSession.auth.me.query(), 'UNAUTHORIZED');
    await expectApiError(signedIn(server, leader.user.username), 'INVALID_CREDENTIALS');

    // Reactivated, the account signs in again, but its old sessions stay ended.
    await office.api.staff.update.mutate({
      idempotencyKey: newIdempotencyKey(),
      staffId: leader.user.id,
      active: true,
    });
    await signedIn(server, leader.user.username);
    await expectApiError(leader.api.auth.me.query(), 'UNAUTHORIZED');
  });

  it('never lets an office member deactivate or demote themselves', async () => {
    const { office } = await community();
    for (const change of [{ active: false }, { role: 'leader' as const }]) {
      const error = await expectApiError(
        office.api.staff.update.mutate({
          idempotencyKey: newIdempotencyKey(),
          staffId: office.user.id,
          ...change,
        }),
        'OWN_ACCOUNT',
      );
      expect(error.message).toContain('another office member must');
    }
    const renamed = await office.api.staff.update.mutate({
      idempotencyKey: newIdempotencyKey(),
      staffId: office.user.id,
      displayName: 'Li Na',
    });
    expect(renamed).toMatchObject({ displayName: 'Li Na', role: 'office', active: true });
  });

  it('cannot leave a community without an office when two office members deactivate each other at once', async () => {
    const { office } = await community();
    const second = await office.api.staff.create.mutate({
      idempotencyKey: newIdempotencyKey(),
      username: `second-${Date.now()}`,
      password: 'a long enough secret',
      displayName: 'Second office',
      role: 'office',
    });
    const secondApi = await signedIn(server, second.username, 'a long enough secret');
    const answers = await Promise.allSettled([
      office.api.staff.update.mutate({
        idempotencyKey: newIdempotencyKey(),
        staffId: second.id,
        active: false,
      }),
      secondApi.staff.update.mutate({
        idempotencyKey: newIdempotencyKey(),
        staffId: office.user.id,
        active: false,
      }),
    ]);
    expect(answers.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    const offices = await db()
      .selectFrom('staff_users')
      .select('id')
      .where('community_id', '=', office.user.communityId)
      .where('role', '=', 'office')
      .where('active', '=', true)
      .execute();
    expect(offices).toHaveLength(1);
  });

  it('audits who changed what, from where', async () => {
    const { office, communityId, leaderOf } = await community();
    const leader = await leaderOf([]);
    await office.api.staff.update.mutate({
      idempotencyKey: newIdempotencyKey(),
      staffId: leader.user.id,
      displayName: 'Zhao Qiang',
      active: false,
    });
    const entries = await db()
      .selectFrom('audit_log')
      .select(['actor_id', 'target_id', 'origin', 'details'])
      .where('community_id', '=', communityId)
      .where('action', '=', 'staff.update')
      .execute();
    expect(entries).toEqual([
      {
        actor_id: office.user.id,
        target_id: leader.user.id,
        origin: '127.0.0.1',
        details: {
          changes: {
            displayName: { from: 'Test leader', to: 'Zhao Qiang' },
            active: { from: true, to: false },
          },
          endedSessions: 1,
        },
      },
    ]);
  });

  describe('refusals', () => {
    it('refuses an account of another community as not found', async () => {
      const { office } = await community();
      const elsewhere = await community();
      await expectApiError(
        office.api.staff.update.mutate({
          idempotencyKey: newIdempotencyKey(),
          staffId: elsewhere.auditor.user.id,
          displayName: 'Taken over',
        }),
        'NOT_FOUND',
      );
    });

    it('answers a replay with the first result, and refuses the key for another change', async () => {
      const { office, leaderOf } = await community();
      const leader = await leaderOf([]);
      const input = {
        idempotencyKey: newIdempotencyKey(),
        staffId: leader.user.id,
        displayName: 'Chen Jing',
      };
      const first = await office.api.staff.update.mutate(input);
      expect(await office.api.staff.update.mutate(input)).toEqual(first);
      await expectApiError(
        office.api.staff.update.mutate({ ...input, displayName: 'Someone else' }),
        'IDEMPOTENCY_CONFLICT',
      );
    });
  });
});
