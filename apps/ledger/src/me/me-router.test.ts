import { randomUUID } from 'node:crypto';
import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { givenActivityTeam, givenPublishedActivity } from '../activities/test-helpers';
import { givenGoal, givenKiosk, givenResident, identify, TEST_PIN } from '../kiosk/test-helpers';
import {
  apiClient,
  expectApiError,
  givenCommunityWithStaff,
  newIdempotencyKey,
  serveDuring,
} from '../test/api';
import { meRouter } from './me-router';

// The resident app on the phone (issue 14), through the real service on both databases: who may
// call what (the resident, a proxy, a removed proxy, another resident, staff and kiosk tokens),
// the lockout and request limits of signing in, sessions, replays, and the proxy's audit trail.

describeEachDatabase('me (the resident app)', (database) => {
  const server = serveDuring(database);
  const strict = serveDuring(database, { limitScale: 1 });

  const phone = (token?: string, deviceId = `phone-${randomUUID()}`) =>
    apiClient(server.url, { ...(token ? { token } : {}), deviceId });

  async function givenSetting(points = 100) {
    const community = await givenCommunityWithStaff(server, database());
    const { communityId } = community;
    const resident = await givenResident(database().db, communityId, {
      points,
      displayName: '王秀英',
    });
    const neighbour = await givenResident(database().db, communityId, { displayName: '李大明' });
    return { ...community, resident, neighbour };
  }

  async function signIn(
    communityId: string,
    cardNumber: string,
    { remember = false, deviceId }: { remember?: boolean; deviceId?: string } = {},
  ) {
    const signedIn = await phone(undefined, deviceId).me.signIn.mutate({
      communityId,
      cardNumber,
      pin: TEST_PIN,
      remember,
    });
    return { ...signedIn, api: phone(signedIn.token, deviceId) };
  }

  describe('signing in', () => {
    it('signs a resident in by card and PIN, and the token reads their account', async () => {
      const { communityId, resident } = await givenSetting(100);
      const { api, resident: signedIn, token } = await signIn(communityId, resident.cardNumber);
      expect(token).toMatch(/^tph_/);
      expect(signedIn).toEqual({
        id: resident.id,
        displayName: '王秀英',
        points: 100,
        minutes: 0,
      });
      const summary = await api.me.summary.query();
      expect(summary).toMatchObject({ points: 100, cardNumber: resident.cardNumber });
      const session = await api.me.session.query();
      expect(session.actingFor).toEqual({ residentId: resident.id, displayName: '王秀英' });
      expect(session.asProxy).toBe(false);
    });

    it('asks which community when the service holds several and none was chosen', async () => {
      const { resident } = await givenSetting();
      await givenCommunityWithStaff(server, database());
      await expectApiError(
        phone().me.signIn.mutate({ cardNumber: resident.cardNumber, pin: TEST_PIN }),
        'CHOOSE_COMMUNITY',
      );
      const communities = await phone().me.communities.query();
      expect(communities.length).toBeGreaterThan(1);
    });

    it('keeps a remembered phone 30 days, another a day at most', async () => {
      const { communityId, resident } = await givenSetting();
      const days = (iso: string) => (Date.parse(iso) - Date.now()) / 86_400_000;
      const remembered = await signIn(communityId, resident.cardNumber, { remember: true });
      const browser = await signIn(communityId, resident.cardNumber);
      expect(days(remembered.expiresAt)).toBeGreaterThan(29.9);
      expect(days(browser.expiresAt)).toBeLessThanOrEqual(1);
    });

    it('counts wrong PINs per card on this phone, and locks the card there after five', async () => {
      const { communityId, resident } = await givenSetting();
      const deviceId = `phone-${randomUUID()}`;
      const wrong = () =>
        phone(undefined, deviceId).me.signIn.mutate({
          communityId,
          cardNumber: resident.cardNumber,
          pin: '0000',
        });
      const first = await expectApiError(wrong(), 'WRONG_PIN');
      expect(first.data).toMatchObject({ details: { triesLeft: 4 } });
      for (let i = 0; i < 3; i++) await expectApiError(wrong(), 'WRONG_PIN');
      await expectApiError(wrong(), 'PIN_LOCKED');
      // Locked on that phone, even with the right PIN; another phone still signs in.
      await expectApiError(
        phone(undefined, deviceId).me.signIn.mutate({
          communityId,
          cardNumber: resident.cardNumber,
          pin: TEST_PIN,
        }),
        'PIN_LOCKED',
      );
      const elsewhere = await signIn(communityId, resident.cardNumber);
      expect(elsewhere.resident.id).toBe(resident.id);
      const failures = await database()
        .db.selectFrom('audit_log')
        .select('action')
        .where('community_id', '=', communityId)
        .where('action', 'in', ['me.sign_in_failed', 'me.sign_in_refused_locked'])
        .execute();
      expect(failures.length).toBe(6);
    });

    it('answers an unknown card like a wrong PIN', async () => {
      const { communityId } = await givenSetting();
      const error = await expectApiError(
        phone().me.signIn.mutate({ communityId, cardNumber: 'NOBODY1', pin: TEST_PIN }),
        'WRONG_PIN',
      );
      expect(error.data).toMatchObject({ details: { triesLeft: 4 } });
    });

    it('limits sign-in calls per card on one phone, counted by the phone’s own id', async () => {
      const { communityId, resident } = await givenSetting();
      const deviceId = `phone-${randomUUID()}`;
      const client = apiClient(strict.url, { deviceId });
      const codes: string[] = [];
      for (let i = 0; i < 11; i++) {
        const error = await client.me.signIn
          .mutate({ communityId, cardNumber: resident.cardNumber, pin: '0000' })
          .then(
            () => 'ok',
            (e: { data?: { domainCode?: string } }) => e.data?.domainCode ?? 'none',
          );
        codes.push(error);
      }
      expect(codes.slice(0, 4)).toEqual(['WRONG_PIN', 'WRONG_PIN', 'WRONG_PIN', 'WRONG_PIN']);
      expect(codes[4]).toBe('PIN_LOCKED');
      expect(codes[10]).toBe('TOO_MANY_REQUESTS');
    });
  });

  describe('who may call what', () => {
    it('refuses kiosk and staff tokens on me.*, and a phone token on kiosk and staff procedures', async () => {
      const { communityId, resident, office } = await givenSetting();
      const kiosk = await givenKiosk(server, database().db, communityId);
      const atKiosk = await identify(kiosk, resident);
      const { api, token } = await signIn(communityId, resident.cardNumber);
      await expectApiError(kiosk.api.me.summary.query(), 'SESSION_EXPIRED');
      await expectApiError(atKiosk.api.me.summary.query(), 'SESSION_EXPIRED');
      await expectApiError(office.api.me.summary.query(), 'SESSION_EXPIRED');
      await expectApiError(phone().me.summary.query(), 'SESSION_EXPIRED');
      await expectApiError(api.kiosk.me.query(), 'UNAUTHORIZED');
      await expectApiError(api.kiosk.goals.query(), 'UNAUTHORIZED');
      await expectApiError(api.residents.list.query({ limit: 10 }), 'UNAUTHORIZED');
      await expectApiError(
        apiClient(server.url, { token, residentToken: atKiosk.residentToken }).kiosk.me.query(),
        'UNAUTHORIZED',
      );
    });

    it('refuses every signed-in procedure to staff, kiosk and unknown tokens, and to a removed proxy', async () => {
      const { communityId, resident, neighbour, office } = await givenSetting();
      const kiosk = await givenKiosk(server, database().db, communityId);
      const owner = await signIn(communityId, resident.cardNumber);
      const link = await owner.api.me.addProxy.mutate({
        idempotencyKey: newIdempotencyKey(),
        pin: TEST_PIN,
        proxyCardNumber: neighbour.cardNumber,
      });
      const proxy = await signIn(communityId, neighbour.cardNumber);
      await proxy.api.me.actFor.mutate({ residentId: resident.id });
      await owner.api.me.removeProxy.mutate({
        idempotencyKey: newIdempotencyKey(),
        proxyId: link.id,
      });
      const officeToken = office.token;
      const call = async (name: string, type: string, token: string | undefined) => {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (token) headers.authorization = `Bearer ${token}`;
        const response =
          type === 'query'
            ? await fetch(`${server.url}/trpc/me.${name}?input=${encodeURIComponent('{}')}`, {
                headers,
              })
            : await fetch(`${server.url}/trpc/me.${name}`, {
                method: 'POST',
                headers,
                body: '{}',
              });
        const body = (await response.json()) as { error?: { data?: { domainCode?: string } } };
        return body.error?.data?.domainCode ?? 'answered';
      };
      const procedures = Object.entries(
        meRouter._def.procedures as Record<string, { _def: { type: string } }>,
      ).filter(([name]) => !['communities', 'signIn', 'signInFamily'].includes(name));
      expect(procedures.length).toBeGreaterThan(25);
      const accountFree = new Set([
        'session',
        'actFor',
        'signOut',
        'notices',
        'goals',
        'figures',
        'proxies',
        'topicPlaces',
        'governance',
      ]);
      for (const [name, procedure] of procedures) {
        const type = procedure._def.type;
        for (const token of [kiosk.token, officeToken, 'tph_not-a-session', undefined]) {
          expect(`${name}: ${await call(name, type, token)}`).toBe(`${name}: SESSION_EXPIRED`);
        }
        // The removed proxy's session still acts for the resident it no longer may.
        if (!accountFree.has(name)) {
          expect(`${name}: ${await call(name, type, proxy.token)}`).toBe(`${name}: NOT_A_PROXY`);
        }
      }
    });

    it("ends the resident's phone sessions when the office locks the card or resets the PIN", async () => {
      const { communityId, resident, office } = await givenSetting();
      const first = await signIn(communityId, resident.cardNumber, { remember: true });
      await office.api.residents.setCardLock.mutate({
        idempotencyKey: newIdempotencyKey(),
        id: resident.id,
        locked: true,
      });
      await expectApiError(first.api.me.summary.query(), 'SESSION_EXPIRED');
      await office.api.residents.setCardLock.mutate({
        idempotencyKey: newIdempotencyKey(),
        id: resident.id,
        locked: false,
      });
      const second = await signIn(communityId, resident.cardNumber, { remember: true });
      await office.api.residents.resetPin.mutate({
        idempotencyKey: newIdempotencyKey(),
        id: resident.id,
        pin: '5831',
      });
      await expectApiError(second.api.me.summary.query(), 'SESSION_EXPIRED');
    });

    it('ends a session on sign-out, and a revoked one on its next request', async () => {
      const { communityId, resident, office } = await givenSetting();
      const first = await signIn(communityId, resident.cardNumber, { remember: true });
      const second = await signIn(communityId, resident.cardNumber);
      const third = await signIn(communityId, resident.cardNumber);
      const sessions = await first.api.me.sessions.query();
      expect(sessions).toHaveLength(3);
      expect(sessions.filter((s) => s.current)).toHaveLength(1);
      // The resident ends one of their other sessions from this phone.
      const others = sessions.filter((s) => !s.current);
      const [one, other] = others;
      if (!one || !other) throw new Error('two other sessions expected');
      expect(await first.api.me.revokeSession.mutate({ sessionId: one.id })).toEqual({
        revoked: true,
      });
      // The office ends the last; both are refused from their next request.
      const byOffice = await office.api.residents.revokePhoneSession.mutate({
        idempotencyKey: newIdempotencyKey(),
        residentId: resident.id,
        sessionId: other.id,
      });
      expect(byOffice).toEqual({ revoked: true });
      await expectApiError(second.api.me.summary.query(), 'SESSION_EXPIRED');
      await expectApiError(third.api.me.summary.query(), 'SESSION_EXPIRED');
      expect(await first.api.me.signOut.mutate()).toEqual({ ok: true });
      await expectApiError(first.api.me.summary.query(), 'SESSION_EXPIRED');
    });
  });

  describe('acting on the account', () => {
    it('signs up for an activity and donates once per key, whatever the retries', async () => {
      const team = await givenActivityTeam(server, database(), { members: 1 });
      const [member] = team.residents;
      if (!member) throw new Error('a member expected');
      const activity = await givenPublishedActivity(team.office.api, team.organization.id);
      const signedIn = await phone().me.signIn.mutate({
        communityId: team.communityId,
        cardNumber: member.cardNumber,
        pin: '2580',
      });
      const api = phone(signedIn.token);
      const opened = await api.me.activity.query({ activityId: activity.id });
      expect(opened.canSignUp).toBe(true);
      const signUp = { idempotencyKey: newIdempotencyKey(), activityId: activity.id };
      const once = await api.me.signUp.mutate(signUp);
      expect(await api.me.signUp.mutate(signUp)).toEqual(once);
      expect(once.status).toBe('signed_up');
      const mine = await api.me.mySignUps.query();
      expect(mine.map((a) => a.id)).toEqual([activity.id]);
      const row = await database()
        .db.selectFrom('activity_sign_ups')
        .select(['via', 'by_phone_session'])
        .where('activity_id', '=', activity.id)
        .executeTakeFirstOrThrow();
      expect(row.via).toBe('phone');
      expect(row.by_phone_session).not.toBeNull();
    });

    it('donates to a goal once per key', async () => {
      const { communityId, resident, office } = await givenSetting(100);
      const goal = await givenGoal(office.api, 500);
      const { api } = await signIn(communityId, resident.cardNumber);
      const donation = { idempotencyKey: newIdempotencyKey(), goalId: goal.id, points: 30 };
      const first = await api.me.donate.mutate(donation);
      expect(await api.me.donate.mutate(donation)).toEqual(first);
      expect(first.pointsAfter).toBe(70);
      expect((await api.me.summary.query()).points).toBe(70);
      const history = await api.me.history.query({ limit: 10 });
      expect(history.items[0]).toMatchObject({ kind: 'donation', points: -30, actedBy: null });
    });

    it('refuses a weak or same PIN, counts a wrong old one, and signs in with the new one', async () => {
      const { communityId, resident } = await givenSetting();
      const { api } = await signIn(communityId, resident.cardNumber);
      const otherPhone = await signIn(communityId, resident.cardNumber);
      for (const weak of ['1234', '0000', '1212', '987654']) {
        await expectApiError(
          api.me.changePin.mutate({ oldPin: TEST_PIN, newPin: weak }),
          'WEAK_PIN',
        );
      }
      await expectApiError(
        api.me.changePin.mutate({ oldPin: '1111', newPin: '5831' }),
        'WRONG_PIN',
      );
      expect(await api.me.changePin.mutate({ oldPin: TEST_PIN, newPin: '5831' })).toEqual({
        ok: true,
      });
      // Whoever knew the old PIN is signed out of the other phone; this one stays signed in.
      await expectApiError(otherPhone.api.me.session.query(), 'SESSION_EXPIRED');
      expect((await api.me.session.query()).actingFor?.residentId).toBe(resident.id);
      await expectApiError(
        phone().me.signIn.mutate({ communityId, cardNumber: resident.cardNumber, pin: TEST_PIN }),
        'WRONG_PIN',
      );
      const again = await phone().me.signIn.mutate({
        communityId,
        cardNumber: resident.cardNumber,
        pin: '5831',
      });
      expect(again.resident.id).toBe(resident.id);
    });

    it('lets the kiosk change a PIN too', async () => {
      const { communityId, resident } = await givenSetting();
      const kiosk = await givenKiosk(server, database().db, communityId);
      const { api } = await identify(kiosk, resident);
      await expectApiError(
        api.kiosk.changePin.mutate({ oldPin: TEST_PIN, newPin: '2222' }),
        'WEAK_PIN',
      );
      const onPhone = await signIn(communityId, resident.cardNumber);
      expect(await api.kiosk.changePin.mutate({ oldPin: TEST_PIN, newPin: '7391' })).toEqual({
        ok: true,
      });
      await expectApiError(onPhone.api.me.session.query(), 'SESSION_EXPIRED');
    });
  });

  describe('proxies', () => {
    async function givenProxy() {
      const setting = await givenSetting(100);
      const { communityId, resident, neighbour } = setting;
      const owner = await signIn(communityId, resident.cardNumber);
      const link = await owner.api.me.addProxy.mutate({
        idempotencyKey: newIdempotencyKey(),
        pin: TEST_PIN,
        proxyCardNumber: neighbour.cardNumber,
      });
      const proxy = await signIn(communityId, neighbour.cardNumber);
      return { ...setting, owner, link, proxy };
    }

    it('lets a linked resident act for the resident, marked as theirs in the audit log and the history', async () => {
      const { owner, link, proxy, resident, neighbour, office, communityId } = await givenProxy();
      expect(link).toMatchObject({ kind: 'resident', displayName: '李大明', addedBy: 'resident' });
      const session = await proxy.api.me.session.query();
      expect(session.canActFor.map((a) => a.displayName)).toEqual(['李大明', '王秀英']);
      const acting = await proxy.api.me.actFor.mutate({ residentId: resident.id });
      expect(acting).toMatchObject({ asProxy: true, actingFor: { residentId: resident.id } });
      const goal = await givenGoal(office.api, 500);
      await proxy.api.me.donate.mutate({
        idempotencyKey: newIdempotencyKey(),
        goalId: goal.id,
        points: 20,
      });
      expect((await owner.api.me.summary.query()).points).toBe(80);
      const [entry] = (await owner.api.me.history.query({ limit: 1 })).items;
      expect(entry).toMatchObject({ kind: 'donation', actedBy: '李大明' });
      const audit = await database()
        .db.selectFrom('audit_log')
        .select(['actor_type', 'actor_id', 'details'])
        .where('community_id', '=', communityId)
        .where('action', '=', 'me.donate')
        .executeTakeFirstOrThrow();
      expect(audit).toMatchObject({
        actor_type: 'resident',
        actor_id: neighbour.id,
        details: { actedFor: resident.id, points: 20 },
      });
      // Never the PIN, nor more proxies, for someone else.
      await expectApiError(
        proxy.api.me.changePin.mutate({ oldPin: TEST_PIN, newPin: '5831' }),
        'PROXY_NOT_ALLOWED',
      );
      await expectApiError(
        proxy.api.me.addProxy.mutate({
          idempotencyKey: newIdempotencyKey(),
          pin: TEST_PIN,
          proxyCardNumber: neighbour.cardNumber,
        }),
        'PROXY_NOT_ALLOWED',
      );
    });

    it('refuses a removed proxy from its next request, and anyone never linked', async () => {
      const { owner, link, proxy, resident, communityId } = await givenProxy();
      await proxy.api.me.actFor.mutate({ residentId: resident.id });
      expect((await proxy.api.me.summary.query()).id).toBe(resident.id);
      expect(
        await owner.api.me.removeProxy.mutate({
          idempotencyKey: newIdempotencyKey(),
          proxyId: link.id,
        }),
      ).toEqual({ removed: true });
      await expectApiError(proxy.api.me.summary.query(), 'NOT_A_PROXY');
      await expectApiError(proxy.api.me.actFor.mutate({ residentId: resident.id }), 'NOT_A_PROXY');
      // Back to their own account, which still works.
      const own = await proxy.api.me.session.query();
      await proxy.api.me.actFor.mutate({ residentId: own.signedInAs.id });
      expect((await proxy.api.me.summary.query()).id).toBe(own.signedInAs.id);
      // Someone else altogether.
      const stranger = await givenResident(database().db, communityId);
      const strangerPhone = await signIn(communityId, stranger.cardNumber);
      await expectApiError(
        strangerPhone.api.me.actFor.mutate({ residentId: resident.id }),
        'NOT_A_PROXY',
      );
    });

    it('lets a resident link and remove a proxy at the kiosk too', async () => {
      const { communityId, resident, neighbour } = await givenSetting();
      const kiosk = await givenKiosk(server, database().db, communityId);
      const { api } = await identify(kiosk, resident);
      const link = await api.kiosk.addProxy.mutate({
        idempotencyKey: newIdempotencyKey(),
        pin: TEST_PIN,
        proxyCardNumber: neighbour.cardNumber,
      });
      expect((await api.kiosk.proxies.query()).proxies.map((p) => p.id)).toEqual([link.id]);
      const proxy = await signIn(communityId, neighbour.cardNumber);
      await proxy.api.me.actFor.mutate({ residentId: resident.id });
      expect((await proxy.api.me.summary.query()).id).toBe(resident.id);
      await api.kiosk.removeProxy.mutate({ idempotencyKey: newIdempotencyKey(), proxyId: link.id });
      await expectApiError(proxy.api.me.summary.query(), 'NOT_A_PROXY');
    });

    it('refuses the wrong PIN and a second link of the same proxy', async () => {
      const { owner, neighbour } = await givenProxy();
      await expectApiError(
        owner.api.me.addProxy.mutate({
          idempotencyKey: newIdempotencyKey(),
          pin: '9999',
          proxyCardNumber: neighbour.cardNumber,
        }),
        'WRONG_PIN',
      );
      await expectApiError(
        owner.api.me.addProxy.mutate({
          idempotencyKey: newIdempotencyKey(),
          pin: TEST_PIN,
          proxyCardNumber: neighbour.cardNumber,
        }),
        'ALREADY_A_PROXY',
      );
    });

    it('lets the office register a family member who signs in by phone and acts for the resident', async () => {
      const team = await givenActivityTeam(server, database(), { members: 1 });
      const [elder] = team.residents;
      if (!elder) throw new Error('a member expected');
      const phoneNumber = `139${String(Date.now()).slice(-8)}`;
      const link = await team.office.api.residents.addProxy.mutate({
        idempotencyKey: newIdempotencyKey(),
        residentId: elder.id,
        reason: 'Cannot come to the office; her daughter helps',
        proxy: { family: { name: '王小明', phone: phoneNumber, pin: '8024' } },
      });
      expect(link).toMatchObject({ kind: 'family', displayName: '王小明', addedBy: 'office' });
      expect(link.contact).toBe(`139****${phoneNumber.slice(-4)}`);
      // A leader may not.
      await expectApiError(
        team.leader.api.residents.addProxy.mutate({
          idempotencyKey: newIdempotencyKey(),
          residentId: elder.id,
          reason: 'No reason',
          proxy: { family: { name: 'X', phone: '13900000000', pin: '8024' } },
        }),
        'FORBIDDEN',
      );
      const family = await phone().me.signInFamily.mutate({
        communityId: team.communityId,
        phone: phoneNumber,
        pin: '8024',
      });
      expect(family.actsFor).toEqual([{ residentId: elder.id, displayName: elder.displayName }]);
      const api = phone(family.token);
      const session = await api.me.session.query();
      expect(session).toMatchObject({
        signedInAs: { kind: 'family', displayName: '王小明' },
        asProxy: true,
        actingFor: { residentId: elder.id },
      });
      const activity = await givenPublishedActivity(team.office.api, team.organization.id);
      await api.me.signUp.mutate({ idempotencyKey: newIdempotencyKey(), activityId: activity.id });
      // The resident's own list says who signed them up.
      const elderPhone = await phone().me.signIn.mutate({
        communityId: team.communityId,
        cardNumber: elder.cardNumber,
        pin: '2580',
      });
      const [signedUp] = await phone(elderPhone.token).me.mySignUps.query();
      expect(signedUp?.mySignUp).toMatchObject({ status: 'signed_up', signedUpBy: '王小明' });
      const audit = await database()
        .db.selectFrom('audit_log')
        .select(['actor_type', 'details'])
        .where('community_id', '=', team.communityId)
        .where('action', '=', 'me.signUp')
        .executeTakeFirstOrThrow();
      expect(audit).toMatchObject({ actor_type: 'family', details: { actedFor: elder.id } });
      // The office's audit log names her, and whom she acted for.
      const { items } = await team.office.api.audit.list.query({ action: 'me.signUp', limit: 5 });
      expect(items[0]).toMatchObject({ actorType: 'family', actorName: '王小明' });
      expect(Object.values(items[0]?.names ?? {})).toContainEqual(
        expect.objectContaining({ zh: expect.stringContaining(elder.cardNumber) }),
      );
      const proxies = await team.office.api.residents.proxies.query({ residentId: elder.id });
      expect(proxies.map((p) => p.reason)).toEqual([
        'Cannot come to the office; her daughter helps',
      ]);
      await expectApiError(
        api.me.changePin.mutate({ oldPin: '8024', newPin: '5831' }),
        'PROXY_NOT_ALLOWED',
      );
      // The office removes the link: the family member acts for no one from the next request.
      await team.office.api.residents.removeProxy.mutate({
        idempotencyKey: newIdempotencyKey(),
        residentId: elder.id,
        proxyId: link.id,
      });
      await expectApiError(api.me.summary.query(), 'NOT_A_PROXY');
    });
  });
});
