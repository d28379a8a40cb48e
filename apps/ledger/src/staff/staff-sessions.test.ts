import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { expectApiError, givenCommunityWithStaff, serveDuring, TEST_PASSWORD } from '../test/api';
import { signInFrom } from './test-helpers';

describeEachDatabase('staff sessions', (database) => {
  const server = serveDuring(database);
  const community = () => givenCommunityWithStaff(server, database());

  describe('auth.sessions and auth.revokeSession', () => {
    it('lists my sessions with when and where, marks this one, and ends another', async () => {
      const { auditor } = await community();
      const other = await signInFrom(server, '192.168.1.23', {
        username: auditor.user.username,
        password: TEST_PASSWORD,
      });
      if (!('token' in other)) throw new Error('could not sign in');

      const sessions = await auditor.api.auth.sessions.query();
      expect(sessions).toHaveLength(2);
      const mine = sessions.find((s) => s.current);
      const theirs = sessions.find((s) => !s.current);
      expect(mine).toMatchObject({ startedFrom: '127.0.0.1', lastSeenFrom: '127.0.0.1' });
      expect(theirs).toMatchObject({ startedFrom: '192.168.1.23', lastSeenFrom: '192.168.1.23' });
      expect(Date.parse(mine?.lastSeenAt ?? '')).toBeGreaterThanOrEqual(
        Date.parse(mine?.startedAt ?? ''),
      );

      await auditor.api.auth.revokeSession.mutate({ sessionId: theirs?.id ?? '' });
      const answer = await server.app.inject({
        url: '/trpc/auth.me',
        headers: { authorization: `Bearer ${other.token}` },
      });
      expect(answer.statusCode).toBe(401);
      expect(await auditor.api.auth.sessions.query()).toEqual([
        expect.objectContaining({ id: mine?.id }),
      ]);
    });

    it("cannot end someone else's session", async () => {
      const { auditor, office } = await community();
      const [officeSession] = await office.api.auth.sessions.query();
      await expectApiError(
        auditor.api.auth.revokeSession.mutate({ sessionId: officeSession?.id ?? '' }),
        'NOT_FOUND',
      );
      await office.api.auth.me.query();
    });
  });

  describe('staff.sessions and staff.revokeSession', () => {
    it("lets the office see and end any session of its community's accounts, and audits it", async () => {
      const { office, leaderOf, communityId } = await community();
      const leader = await leaderOf([]);
      const [session] = await office.api.staff.sessions.query({ staffId: leader.user.id });
      expect(session).toMatchObject({ current: false, startedFrom: '127.0.0.1' });
      await office.api.staff.revokeSession.mutate({
        staffId: leader.user.id,
        sessionId: session?.id ?? '',
      });
      await expectApiError(leader.api.auth.me.query(), 'UNAUTHORIZED');
      expect(await office.api.staff.sessions.query({ staffId: leader.user.id })).toEqual([]);
      const audit = await database()
        .db.selectFrom('audit_log')
        .select(['actor_id', 'target_id', 'origin', 'details'])
        .where('community_id', '=', communityId)
        .where('action', '=', 'staff.revoke_session')
        .execute();
      expect(audit).toEqual([
        {
          actor_id: office.user.id,
          target_id: leader.user.id,
          origin: '127.0.0.1',
          details: { sessionId: session?.id },
        },
      ]);
    });

    it('never reaches into another community', async () => {
      const { office } = await community();
      const elsewhere = await community();
      const [theirs] = await elsewhere.office.api.auth.sessions.query();
      await expectApiError(
        office.api.staff.sessions.query({ staffId: elsewhere.office.user.id }),
        'NOT_FOUND',
      );
      await expectApiError(
        office.api.staff.revokeSession.mutate({
          staffId: elsewhere.office.user.id,
          sessionId: theirs?.id ?? '',
        }),
        'NOT_FOUND',
      );
      await elsewhere.office.api.auth.me.query();
    });
  });
});
