import { Writable } from 'node:stream';
import { describeEachDatabase } from '@tally/db/testing';
import { describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { givenKiosk, givenResident } from './kiosk/test-helpers';
import { loggerOptions } from './logging';
import { approve, givenTeam, logRecords } from './service/test-helpers';
import {
  apiClient,
  givenCommunityWithStaff,
  newIdempotencyKey,
  serveDuring,
  startTestServer,
  TEST_PASSWORD,
} from './test/api';

// The service as an office runs it: over plain HTTP by a LAN name, maybe behind a reverse proxy,
// with browsers whose session cookie any other site's page could try to use.

describeEachDatabase('the service on the office network', (database) => {
  const server = serveDuring(database);

  describe('over plain HTTP', () => {
    it('never asks the browser to upgrade to HTTPS or to insist on it later', async () => {
      const response = await fetch(`${server.url}/healthz`);
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toContain('upgrade-insecure-requests');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    });

    it('sends HSTS and upgrades requests only when PUBLIC_URL is https', async () => {
      const https = await startTestServer(database(), {
        publicUrl: new URL('https://tally.example.org'),
      });
      try {
        const response = await fetch(`${https.url}/healthz`);
        expect(response.headers.get('content-security-policy')).toContain(
          'upgrade-insecure-requests',
        );
        expect(response.headers.get('strict-transport-security')).toContain('max-age=');
      } finally {
        await https.close();
      }
    });
  });

  describe('behind no proxy or a named one (F1)', () => {
    async function lastLoginOrigin(communityId: string) {
      const row = await database()
        .db.selectFrom('audit_log')
        .select('origin')
        .where('community_id', '=', communityId)
        .where('action', '=', 'auth.login')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      return row.origin;
    }

    async function logInWith(url: string, username: string, forwardedFor: string) {
      const response = await fetch(`${url}/trpc/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
        body: JSON.stringify({ username, password: TEST_PASSWORD }),
      });
      expect(response.status).toBe(200);
    }

    it("ignores a client's own X-Forwarded-For: the audit log keeps the real address", async () => {
      const { office, communityId } = await givenCommunityWithStaff(server, database());
      await logInWith(server.url, office.user.username, `1.2.3.4, ${'x'.repeat(300)}`);
      expect(await lastLoginOrigin(communityId)).toBe('127.0.0.1');
    });

    it('believes X-Forwarded-For from a proxy named in TRUST_PROXY', async () => {
      const proxied = await startTestServer(database(), { trustProxy: ['127.0.0.1'] });
      try {
        const { office, communityId } = await givenCommunityWithStaff(proxied, database());
        await logInWith(proxied.url, office.user.username, '192.168.1.23');
        expect(await lastLoginOrigin(communityId)).toBe('192.168.1.23');
      } finally {
        await proxied.close();
      }
    });

    it('lets a reversal through whatever the client writes in X-Forwarded-For', async () => {
      const team = await givenTeam(server, database(), { members: 1 });
      const [resident] = team.residents;
      if (!resident) throw new Error('no member');
      const [record] = await logRecords(team.leader.api, team.organization.id, resident, [{}]);
      const { records } = await approve(team.office.api, [record ?? '']);
      const reversed = apiClient(server.url, {
        token: team.office.token,
        forwardedFor: 'x'.repeat(300),
      });
      await expect(
        reversed.ledger.reverse.mutate({
          idempotencyKey: newIdempotencyKey(),
          transactionId: records[0]?.transactionId ?? '',
          reason: 'Logged by mistake',
        }),
      ).resolves.toMatchObject({ transactionId: expect.any(String) });
    });
  });

  describe('with the session cookie (F13)', () => {
    async function signInWithCookie() {
      const { office } = await givenCommunityWithStaff(server, database());
      const response = await fetch(`${server.url}/trpc/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: office.user.username, password: TEST_PASSWORD }),
      });
      const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      expect(cookie).toMatch(/^tally_session=/);
      const me = () =>
        fetch(`${server.url}/trpc/auth.me`, { headers: { cookie } }).then((r) => r.status);
      return { cookie, me };
    }

    it('does not let an HTML form on another site log staff out', async () => {
      const { cookie, me } = await signInWithCookie();
      const form = await fetch(`${server.url}/trpc/auth.logout`, {
        method: 'POST',
        headers: {
          cookie,
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'http://evil.example',
        },
        body: '',
      });
      // Refused as not JSON, or as not signed in: either way the session lives on.
      expect([401, 415]).toContain(form.status);
      expect(await me()).toBe(200);
    });

    it('takes a write by cookie only as JSON from its own origin', async () => {
      const { cookie, me } = await signInWithCookie();
      const logout = (origin: string | undefined) =>
        fetch(`${server.url}/trpc/auth.logout`, {
          method: 'POST',
          headers: {
            cookie,
            'content-type': 'application/json',
            ...(origin ? { origin } : {}),
          },
          body: '{}',
        });
      expect((await logout('http://evil.example')).status).toBe(401);
      expect((await logout(undefined)).status).toBe(401);
      expect(await me()).toBe(200);
      expect((await logout(server.url)).status).toBe(200);
      expect(await me()).toBe(401);
    });
  });

  describe('the log (F14)', () => {
    it("never writes a kiosk's device token, nor any credential header", async () => {
      let log = '';
      const stream = new Writable({
        write(chunk, _encoding, done) {
          log += String(chunk);
          done();
        },
      });
      const logged = await buildApp({
        db: database().db,
        logger: { ...loggerOptions('info'), stream },
        limitScale: 1000,
      });
      await logged.listen({ host: '127.0.0.1', port: 0 });
      try {
        const address = logged.server.address();
        const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
        const { communityId } = await givenCommunityWithStaff(server, database());
        const kiosk = await givenKiosk(server, database().db, communityId);
        const resident = await givenResident(database().db, communityId);
        await fetch(`${url}/kiosk/?token=${kiosk.token}`);
        await fetch(`${url}/trpc/kiosk.identify`, {
          method: 'POST',
          headers: { authorization: `Bearer ${kiosk.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ cardNumber: resident.cardNumber, pin: '0000' }),
        });
        expect(log).toContain('/kiosk/?token=[redacted]');
        expect(log).not.toContain(kiosk.token);
        expect(log).not.toMatch(/"pin"/i);
      } finally {
        await logged.close();
      }
    });
  });
});
